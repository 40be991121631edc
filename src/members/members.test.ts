import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

describe('members, invitations, tokens and the audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lets an administrator invite someone who then chooses a password and signs in', async () => {
    const { org, editor } = await buildOrgWithEditor(t.db);
    const admin = await buildMember(t.db, org.id, 'admin');
    const byEditor = await t.request('POST', `/api/v1/organisations/${org.id}/members`, {
      token: editor.token,
      body: { email: 'new@example.org', role: 'viewer' },
    });
    expect(byEditor.status).toBe(403);
    const invited = await t.request('POST', `/api/v1/organisations/${org.id}/members`, {
      token: admin.token,
      body: { email: 'new.person@example.org', role: 'editor' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.member).toMatchObject({
      email: 'new.person@example.org',
      role: 'editor',
      has_password: false,
    });
    const token = invited.body.invitation_token;
    expect(token).toMatch(/^tacit_inv_/);
    const accept = await t.request('POST', '/api/v1/auth/accept-invitation', {
      body: { token, password: 'chosen-password-1' },
    });
    expect(accept.status).toBe(200);
    const again = await t.request('POST', '/api/v1/auth/accept-invitation', {
      body: { token, password: 'another-password' },
    });
    expect(again.status).toBe(422);
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'new.person@example.org', password: 'chosen-password-1' },
    });
    expect(login.status).toBe(200);
    expect(login.body.memberships).toEqual([{ org_id: org.id, role: 'editor' }]);
  });

  it('shows members to members only and keeps the last administrator', async () => {
    const { org } = await buildOrgWithEditor(t.db);
    const admin = await buildMember(t.db, org.id, 'admin');
    const outsider = (await buildOrgWithEditor(t.db)).editor;
    expect(
      (await t.request('GET', `/api/v1/organisations/${org.id}/members`, { token: outsider.token })).status,
    ).toBe(403);
    expect((await t.request('GET', `/api/v1/organisations/${org.id}/members`)).status).toBe(403);
    const members = await t.request('GET', `/api/v1/organisations/${org.id}/members`, { token: admin.token });
    expect(members.body.map((m: { role: string }) => m.role).sort()).toEqual(['admin', 'editor']);
    const demote = await t.request('PATCH', `/api/v1/organisations/${org.id}/members/${admin.userId}`, {
      token: admin.token,
      body: { role: 'viewer' },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_admin');
  });

  it('creates, lists and revokes API tokens; a revoked token no longer works', async () => {
    const { editor } = await buildOrgWithEditor(t.db);
    const created = await t.request('POST', '/api/v1/tokens', {
      token: editor.token,
      body: { name: 'nightly export', scope: 'read' },
    });
    expect(created.status).toBe(201);
    const list = await t.request('GET', '/api/v1/tokens', { token: editor.token });
    expect(list.body.find((x: { id: string }) => x.id === created.body.id)).toMatchObject({
      name: 'nightly export',
      scope: 'read',
      revoked_at: null,
    });
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect((await t.request('GET', '/api/v1/auth/me', { token: created.body.secret })).status).toBe(200);
    expect(
      (await t.request('DELETE', `/api/v1/tokens/${created.body.id}`, { token: editor.token })).status,
    ).toBe(204);
    const revoked = await t.request('GET', '/api/v1/auth/me', { token: created.body.secret });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toContain('revoked');
  });

  it('records changes in the audit trail, readable by the organisation’s administrators only', async () => {
    const { org, editor } = await buildOrgWithEditor(t.db);
    const admin = await buildMember(t.db, org.id, 'admin');
    const p = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: { title: 'Audited project' },
    });
    await t.request('PATCH', `/api/v1/projects/${p.body.id}`, {
      token: editor.token,
      body: { version: 1, status: 'closed' },
    });
    const audit = await t.request('GET', `/api/v1/audit?org_id=${org.id}`, { token: admin.token });
    expect(audit.status).toBe(200);
    const entries = audit.body.items.filter((e: { entity_id: string }) => e.entity_id === p.body.id);
    expect(entries.map((e: { action: string; user_email: string }) => [e.action, e.user_email])).toEqual([
      ['update', editor.email],
      ['create', editor.email],
    ]);
    expect(entries[0].details.fields).toEqual(['status']);
    expect((await t.request('GET', `/api/v1/audit?org_id=${org.id}`, { token: editor.token })).status).toBe(
      403,
    );
  });
});
