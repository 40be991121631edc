import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { setNetworkAdmin } from '../access/network-admin.repository.ts';

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

  it('lets only its administrators or a network administrator edit an entry; nobody copies a name', async () => {
    const a = await buildOrgWithEditor(t.db, { acronym: `AA${Date.now() % 100000}` });
    const aAdmin = await buildMember(t.db, a.org.id, 'admin');
    const b = await buildOrgWithEditor(t.db);
    const bAdmin = await buildMember(t.db, b.org.id, 'admin');
    const bViewer = await buildMember(t.db, b.org.id, 'viewer');
    const network = await buildMember(t.db, b.org.id, 'viewer');
    await setNetworkAdmin(t.db, network.email, true);
    const entry = async (id: string) => (await t.request('GET', `/api/v1/organisations/${id}`)).body;
    const aBefore = await entry(a.org.id);
    const bBefore = await entry(b.org.id);
    const patch = (token: string, id: string, body: Record<string, unknown>) =>
      t.request('PATCH', `/api/v1/organisations/${id}`, { token, body: { version: 1, ...body } });

    for (const token of [bViewer.token, b.editor.token, bAdmin.token, a.editor.token]) {
      expect((await patch(token, a.org.id, { aliases: ['Taken over'] })).status).toBe(403);
      expect((await patch(token, a.org.id, { parent_id: b.org.id })).status).toBe(403);
    }
    expect((await patch(bViewer.token, b.org.id, { acronym: 'VIEW' })).status).toBe(403);
    // B's own administrator may not place B under A, nor take A's name or acronym as an alias.
    const underA = await patch(bAdmin.token, b.org.id, { parent_id: a.org.id });
    expect(underA.status).toBe(403);
    expect(underA.body.error.message).toContain(a.org.name);
    for (const [i, copied] of [a.org.name.toUpperCase(), aBefore.acronym].entries()) {
      const res = await patch(bAdmin.token, b.org.id, { aliases: ['B other name', copied] });
      expect(res.status, copied).toBe(409);
      expect(res.body.error.details.field).toBe('aliases.1');
      expect(i).toBeLessThan(2);
    }
    const registered = await t.request('POST', '/api/v1/organisations', {
      token: bViewer.token,
      body: { name: 'Registered by a viewer' },
    });
    expect(registered.status).toBe(403);
    const copy = await t.request('POST', '/api/v1/organisations', {
      token: b.editor.token,
      body: { name: 'Copycat agency', aliases: [aBefore.acronym] },
    });
    expect(copy.status).toBe(409);
    const child = await t.request('POST', '/api/v1/organisations', {
      token: b.editor.token,
      body: { name: 'Claimed child agency', parent_id: a.org.id },
    });
    expect(child.status).toBe(403);
    expect((await t.request('GET', '/api/v1/organisations?q=Copycat%20agency')).body.items).toHaveLength(0);
    expect((await t.request('GET', '/api/v1/organisations?q=Claimed%20child')).body.items).toHaveLength(0);
    expect(await entry(a.org.id)).toEqual(aBefore);
    expect(await entry(b.org.id)).toEqual(bBefore);

    // A's administrator, and a network administrator, may.
    expect((await patch(aAdmin.token, a.org.id, { aliases: ['A other name'] })).status).toBe(200);
    const placed = await patch(network.token, b.org.id, { parent_id: a.org.id });
    expect(placed.status).toBe(200);
    expect(placed.body.parent_id).toBe(a.org.id);
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
