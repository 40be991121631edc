// The rules every owned record shares, checked on each of the five kinds: who sees what, who may
// write, stale versions, and a linked project the writer cannot see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

const kinds: [string, Record<string, unknown>, Record<string, unknown>][] = [
  [
    'reviews',
    { period_label: '2016/17', overall_score: 'A', risk_rating: 'Medium' },
    { overall_score: 'A/B' },
  ],
  [
    'evaluations',
    {
      title: 'Final independent evaluation',
      stakeholders_total: 50,
      stakeholders_female: 33,
      stakeholders_male: 17,
    },
    { title: 'Renamed evaluation' },
  ],
  [
    'recommendations',
    { text: 'Maintain communication with the CCCMP', category: 'Design', number: 1 },
    { category: 'Strategies' },
  ],
  [
    'lessons',
    {
      text: 'Crime investigation requires regional integration',
      themes: ['organised-crime'],
      countries: ['GT'],
    },
    { type: 'good_practice' },
  ],
  ['meetings', { title: 'Integrity of justice institutions', regions: ['West Africa'] }, { place: 'Vienna' }],
];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe.each(kinds)('%s API', (path, body, change) => {
  let owner: TestMember;
  let outsider: TestMember;
  let projectId: string;
  let hiddenProjectId: string;

  beforeAll(async () => {
    owner = (await buildOrgWithEditor(t.db)).editor;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    projectId = (
      await t.request('POST', '/api/v1/projects', {
        token: owner.token,
        body: { title: 'Linked project', visibility: 'public' },
      })
    ).body.id;
    hiddenProjectId = (
      await t.request('POST', '/api/v1/projects', {
        token: owner.token,
        body: { title: 'Hidden project', visibility: 'owner' },
      })
    ).body.id;
  });

  const create = async (extra: Record<string, unknown>, token = owner.token) => {
    const res = await t.request('POST', `/api/v1/${path}`, {
      token,
      body: { project_id: projectId, ...body, ...extra },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it('stores the record and gives it back', async () => {
    const rec = await create({});
    expect(rec).toMatchObject({
      ...body,
      project_id: projectId,
      visibility: 'network',
      version: 1,
      owner_org: { id: owner.orgId },
    });
    const again = await t.request('GET', `/api/v1/${path}/${rec.id}`, { token: owner.token });
    expect(again.body).toEqual(rec);
  });

  it('keeps owner-only records from other organisations and network records from anonymous visitors', async () => {
    const own = await create({ visibility: 'owner' });
    const net = await create({ visibility: 'network' });
    const pub = await create({ visibility: 'public' });
    const ids = async (token?: string) =>
      (await t.request('GET', `/api/v1/${path}?project_id=${projectId}&limit=200`, { token })).body.items.map(
        (r: { id: string }) => r.id,
      );
    expect(await ids(owner.token)).toEqual(expect.arrayContaining([own.id, net.id, pub.id]));
    const outsiderSees = await ids(outsider.token);
    expect(outsiderSees).toEqual(expect.arrayContaining([net.id, pub.id]));
    expect(outsiderSees).not.toContain(own.id);
    const anonymousSees = await ids();
    expect(anonymousSees).toContain(pub.id);
    expect(anonymousSees).not.toContain(net.id);
    expect(anonymousSees).not.toContain(own.id);
    expect((await t.request('GET', `/api/v1/${path}/${own.id}`, { token: outsider.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/${path}/${net.id}`)).status).toBe(404);
  });

  it('lets only editors of the owner change it, and refuses a stale version without losing the first change', async () => {
    const rec = await create({});
    const byOutsider = await t.request('PATCH', `/api/v1/${path}/${rec.id}`, {
      token: outsider.token,
      body: { ...change, version: 1 },
    });
    expect(byOutsider.status).toBe(403);
    const viewer = await buildMember(t.db, owner.orgId, 'viewer');
    expect(
      (
        await t.request('PATCH', `/api/v1/${path}/${rec.id}`, {
          token: viewer.token,
          body: { ...change, version: 1 },
        })
      ).status,
    ).toBe(403);
    const ok = await t.request('PATCH', `/api/v1/${path}/${rec.id}`, {
      token: owner.token,
      body: { ...change, version: 1 },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ ...change, version: 2 });
    const stale = await t.request('PATCH', `/api/v1/${path}/${rec.id}`, {
      token: owner.token,
      body: { ...body, version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await t.request('GET', `/api/v1/${path}/${rec.id}`, { token: owner.token })).body).toMatchObject(
      change,
    );
  });

  it('refuses a link to a project the writer cannot see, and stores nothing', async () => {
    const before = (await t.request('GET', `/api/v1/${path}?limit=200`, { token: outsider.token })).body.items
      .length;
    const res = await t.request('POST', `/api/v1/${path}`, {
      token: outsider.token,
      body: { ...body, project_id: hiddenProjectId },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].field).toBe('project_id');
    expect(
      (await t.request('GET', `/api/v1/${path}?limit=200`, { token: outsider.token })).body.items.length,
    ).toBe(before);
  });

  it('deletes for the owner; 404 for an unknown id', async () => {
    const rec = await create({});
    expect((await t.request('DELETE', `/api/v1/${path}/${rec.id}`, { token: outsider.token })).status).toBe(
      403,
    );
    expect((await t.request('DELETE', `/api/v1/${path}/${rec.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.request('GET', `/api/v1/${path}/${rec.id}`, { token: owner.token })).status).toBe(404);
    expect((await t.request('DELETE', `/api/v1/${path}/${rec.id}`, { token: owner.token })).status).toBe(404);
  });
});
