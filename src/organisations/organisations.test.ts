import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

describe('organisations API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers an organisation whose aliases and acronym resolve to it', async () => {
    const { editor } = await buildOrgWithEditor(t.db);
    const res = await t.request('POST', '/api/v1/organisations', {
      token: editor.token,
      body: {
        name: 'National Crime Agency X1',
        acronym: 'NCAX1',
        aliases: ['UK National Crime Agency X1'],
        type: 'donor_government',
        country: 'gb',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'National Crime Agency X1',
      acronym: 'NCAX1',
      country: 'GB',
      version: 1,
    });
    const list = await t.request('GET', '/api/v1/organisations?q=national%20crime%20agency%20x1');
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(res.body.id);
    const byAcronym = await t.request('GET', '/api/v1/organisations?q=NCAX1');
    expect(byAcronym.body.items[0].id).toBe(res.body.id);
  });

  it('refuses a duplicate name, an unknown country and anonymous writes, storing nothing', async () => {
    const { org, editor } = await buildOrgWithEditor(t.db);
    const dup = await t.request('POST', '/api/v1/organisations', {
      token: editor.token,
      body: { name: org.name.toUpperCase() },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('duplicate');
    expect(dup.body.error.details.field).toBe('name');

    const bad = await t.request('POST', '/api/v1/organisations', {
      token: editor.token,
      body: { name: 'Nowhere Agency', country: 'XX' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed' });
    expect(bad.body.error.details[0].field).toBe('body.country');
    expect(bad.body.error.message).toContain('country');

    const anon = await t.request('POST', '/api/v1/organisations', { body: { name: 'Anonymous Agency' } });
    expect(anon.status).toBe(401);
    const search = await t.request('GET', '/api/v1/organisations?q=Nowhere%20Agency');
    expect(search.body.items).toHaveLength(0);
  });

  it('rejects malformed JSON with a clear 400', async () => {
    const { editor } = await buildOrgWithEditor(t.db);
    const res = await t.request('POST', '/api/v1/organisations', { token: editor.token, body: '{"name": ' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
  });

  it('lets only its administrators edit a member organisation, with optimistic concurrency', async () => {
    const { org, editor } = await buildOrgWithEditor(t.db);
    const admin = await buildMember(t.db, org.id, 'admin');
    const asEditor = await t.request('PATCH', `/api/v1/organisations/${org.id}`, {
      token: editor.token,
      body: { acronym: 'TST', version: 1 },
    });
    expect(asEditor.status).toBe(403);
    const ok = await t.request('PATCH', `/api/v1/organisations/${org.id}`, {
      token: admin.token,
      body: { acronym: 'TST', version: 1 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ acronym: 'TST', version: 2 });
    const stale = await t.request('PATCH', `/api/v1/organisations/${org.id}`, {
      token: admin.token,
      body: { acronym: 'OLD', version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: { sent: 1, current: 2 } });
    const after = await t.request('GET', `/api/v1/organisations/${org.id}`);
    expect(after.body.acronym).toBe('TST');
  });

  it('returns 404 in the error shape for an unknown id and 422 for a malformed one', async () => {
    const missing = await t.request('GET', '/api/v1/organisations/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const malformed = await t.request('GET', '/api/v1/organisations/not-a-uuid');
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.details[0].field).toBe('params.id');
  });
});
