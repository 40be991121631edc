// The audit trail: before and after values of each change, deletions with what went, reads of
// owner-only records, exports; read by the owning organisation's administrators only, by names
// and links, filtered, and as CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

describe('the audit trail', () => {
  let t: TestApp;
  let orgId: string;
  let editor: TestMember;
  let admin: TestMember;
  let outsider: TestMember;
  let projectId: string;
  let reviewId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const a = await buildOrgWithEditor(t.db);
    orgId = a.org.id;
    editor = a.editor;
    admin = await buildMember(t.db, orgId, 'admin');
    outsider = (await buildOrgWithEditor(t.db)).editor;
    const project = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: { title: 'Audited programme', visibility: 'owner', owner_org_id: orgId },
    });
    projectId = project.body.id;
    await t.request('PATCH', `/api/v1/projects/${projectId}`, {
      token: editor.token,
      body: { version: project.body.version, title: 'Audited programme, renamed', visibility: 'network' },
    });
    await t.request('PATCH', `/api/v1/projects/${projectId}`, {
      token: editor.token,
      body: { version: project.body.version + 1, visibility: 'owner' },
    });
    const review = await t.request('POST', '/api/v1/reviews', {
      token: editor.token,
      body: { project_id: projectId, period_label: '2023/24', visibility: 'owner' },
    });
    reviewId = review.body.id;
    await t.request('GET', `/api/v1/projects/${projectId}`, { token: outsider.token });
    await t.request('GET', `/api/v1/projects/${projectId}`, { token: editor.token });
    await t.request('DELETE', `/api/v1/reviews/${reviewId}`, { token: editor.token });
    await t.request('GET', '/api/v1/coordination/matrix?format=csv', { token: editor.token });
  });
  afterAll(() => t.close());

  const trail = async (query = '', token = admin.token) =>
    t.request('GET', `/api/v1/audit?org_id=${orgId}${query}`, { token });

  it('keeps the before and after value of each field an update changed, with names and a link', async () => {
    const res = await trail(`&action=update&record_id=${projectId}`);
    expect(res.status).toBe(200);
    const [second, first] = res.body.items;
    expect(first.details.changes).toEqual({
      title: { before: 'Audited programme', after: 'Audited programme, renamed' },
      visibility: { before: 'owner', after: 'network' },
    });
    expect(second.details.changes).toEqual({ visibility: { before: 'network', after: 'owner' } });
    expect(first.actor).toEqual({ id: editor.userId, name: 'Test User', email: editor.email });
    expect(first.record).toEqual({
      type: 'project',
      id: projectId,
      label: 'Audited programme, renamed',
      link: `/projects/${projectId}`,
    });
  });

  it('notes a deletion with the record as it was, reads of owner-only records and exports', async () => {
    const deleted = (await trail(`&action=delete&record_type=review`)).body.items;
    expect(deleted).toHaveLength(1);
    expect(deleted[0].record).toMatchObject({ id: reviewId, label: '2023/24', link: null });
    expect(deleted[0].details.before).toMatchObject({ id: reviewId, period_label: '2023/24' });
    const reads = (await trail(`&action=read&record_id=${projectId}`)).body.items;
    // The editor read it; the outsider got a 404 and read nothing.
    expect(reads.map((r: { actor: { id: string } }) => r.actor.id)).toEqual([editor.userId]);
    const exports = (await trail('&action=export')).body.items;
    expect(exports.map((e: { entity_type: string }) => e.entity_type)).toEqual(['matrix_csv']);
  });

  it('filters by actor and by date, and exports as CSV with names', async () => {
    const byAdmin = (await trail(`&actor=${admin.userId}`)).body.items;
    expect(byAdmin).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await trail(`&from=${today}&to=${today}`)).body.items.length).toBeGreaterThan(4);
    expect((await trail('&to=2000-01-01')).body.items).toEqual([]);
    const csv = await trail('&format=csv&action=update');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('at,actor_name,actor_email,action,record_type,record_id,record,link,details');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`Test User,${editor.email},update,project,${projectId},`);
  });

  it('is for the organisation’s administrators only, and refuses a bad filter naming it', async () => {
    expect((await trail('', editor.token)).status).toBe(403);
    expect((await trail('', outsider.token)).status).toBe(403);
    expect((await t.request('GET', `/api/v1/audit?org_id=${orgId}`)).status).toBe(401);
    const bad = await trail('&from=yesterday');
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('querystring.from');
    const badAction = await trail('&action=peek');
    expect(badAction.status).toBe(422);
    expect(badAction.body.error.details[0].field).toMatch(/^querystring\.action/);
  });
});
