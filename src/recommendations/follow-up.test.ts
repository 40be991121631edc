import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

// The register followed to closure: filters (theme, organisation, due period) and overdue first
// from the server, progress by the responsible organisation, the two ratings, counts and the
// implementation rate, all through the access filter; bad input refused with nothing changed.
describe('recommendations register and follow-up', () => {
  let t: TestApp;
  let owner: TestMember;
  let partner: TestMember;
  let outsider: TestMember;
  let partnerAcronym: string;
  let projectId: string;
  let privateProjectId: string;
  const ids: Record<string, string> = {};

  const post = async (who: TestMember, body: Record<string, unknown>) => {
    const res = await t.request('POST', '/api/v1/recommendations', { token: who.token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const get = (path: string, who?: TestMember) => t.request('GET', `/api/v1${path}`, { token: who?.token });

  beforeAll(async () => {
    t = await startTestApp();
    partnerAcronym = `P${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
    owner = (await buildOrgWithEditor(t.db)).editor;
    partner = (await buildOrgWithEditor(t.db, { acronym: partnerAcronym })).editor;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    const project = async (visibility: string, themes: string[]) =>
      (
        await t.request('POST', '/api/v1/projects', {
          token: owner.token,
          body: { title: `Follow-up project ${Math.random()}`, visibility, themes },
        })
      ).body.id as string;
    projectId = await project('network', ['judiciary', 'prosecution']);
    privateProjectId = await project('owner', ['judiciary']);
    ids.overdue = (
      await post(owner, {
        project_id: projectId,
        visibility: 'network',
        text: 'Involve the judges in the design',
        issued_on: '2019-06-01',
        key_actions: [
          { text: 'Invite judges to the steering committee', owner: partnerAcronym, due_on: '2020-01-31' },
        ],
      })
    ).id;
    ids.dueLater = (
      await post(owner, {
        project_id: projectId,
        visibility: 'network',
        text: 'Write a theory of change',
        issued_on: '2024-03-01',
        key_actions: [
          { text: 'Draft the theory of change', owner: partnerAcronym, due_on: '2999-05-01' },
          { text: 'Validate it with partners', due_on: '2999-08-01' },
        ],
      })
    ).id;
    ids.closed = (
      await post(owner, {
        visibility: 'network',
        text: 'Coordinate with the other donors',
        status: 'closed',
        issued_on: '2024-01-10',
        key_actions: [{ text: 'Join the donor group', due_on: '2024-06-01', status: 'completed' }],
      })
    ).id;
    ids.private = (
      await post(owner, {
        project_id: privateProjectId,
        visibility: 'owner',
        text: 'Private: renegotiate the budget',
        key_actions: [{ text: 'Meet the funder', due_on: '2020-02-01' }],
      })
    ).id;
    // Visible to everyone, on a project only its owner sees: a theme filter must not reveal the project's theme.
    ids.onPrivateProject = (
      await post(owner, { project_id: privateProjectId, visibility: 'network', text: 'On a private project' })
    ).id;
  });
  afterAll(() => t.close());

  const listIds = async (query: string, who: TestMember = owner) => {
    const res = await get(`/recommendations?owner_org_id=${owner.orgId}${query}`, who);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items.map((r: { id: string }) => r.id);
  };

  it('lists overdue first, then open, closed last, across pages the server orders', async () => {
    // Newest first within each rank.
    expect(await listIds('')).toEqual([
      ids.private,
      ids.overdue,
      ids.onPrivateProject,
      ids.dueLater,
      ids.closed,
    ]);
    const first = await get(`/recommendations?owner_org_id=${owner.orgId}&limit=2`, owner);
    const second = await get(
      `/recommendations?owner_org_id=${owner.orgId}&limit=2&cursor=${first.body.next_cursor}`,
      owner,
    );
    expect([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id)).toEqual([
      ids.private,
      ids.overdue,
      ids.onPrivateProject,
      ids.dueLater,
    ]);
  });

  it('filters by theme, responsible organisation and due period', async () => {
    expect(await listIds('&theme=prosecution')).toEqual([ids.overdue, ids.dueLater]);
    expect(await listIds('&theme=judiciary')).toEqual([
      ids.private,
      ids.overdue,
      ids.onPrivateProject,
      ids.dueLater,
    ]);
    // The outsider sees the network recommendation but not the theme of the project it cannot see.
    expect(await listIds('&theme=judiciary', outsider)).toEqual([ids.overdue, ids.dueLater]);
    expect(await listIds(`&organisation_id=${partner.orgId}`, partner)).toEqual([ids.overdue, ids.dueLater]);
    expect(await listIds('&due_from=2999-07-01&due_to=2999-12-31')).toEqual([ids.dueLater]);
    expect(await listIds('&due_to=2020-01-31')).toEqual([ids.overdue]);
  });

  it('refuses unknown filters with a 422 naming them, and a due period that ends before it starts', async () => {
    const unknown = await get('/recommendations?colour=red&theme=judiciary', owner);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0].field).toBe('querystring.colour');
    expect(unknown.body.error.message).toContain('colour');
    expect((await get('/lessons?colour=red', owner)).status).toBe(422);
    expect((await get('/recommendations/counts?colour=red', owner)).status).toBe(422);
    const backwards = await get('/recommendations?due_from=2025-01-01&due_to=2024-01-01', owner);
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.details[0].field).toBe('querystring.due_to');
  });

  it('counts through the access filter: another organisation counts nothing it may not see', async () => {
    const mine = await get(`/recommendations/counts?owner_org_id=${owner.orgId}`, owner);
    expect(mine.body).toMatchObject({ total: 5, overdue: 2, open: 4, closed: 1 });
    const theirs = await get(`/recommendations/counts?owner_org_id=${owner.orgId}`, outsider);
    expect(theirs.body).toMatchObject({ total: 4, overdue: 1, open: 3, closed: 1 });
    const anonymous = await get(`/recommendations/counts?owner_org_id=${owner.orgId}`);
    expect(anonymous.body.total).toBe(0);
  });

  it('refuses a due date before the recommendation was made, and an unknown status, creating nothing', async () => {
    const before = (await get(`/recommendations/counts?owner_org_id=${owner.orgId}`, owner)).body.total;
    const early = await t.request('POST', '/api/v1/recommendations', {
      token: owner.token,
      body: {
        text: 'Too early',
        issued_on: '2024-05-01',
        key_actions: [{ text: 'x', due_on: '2024-04-30' }],
      },
    });
    expect(early.status).toBe(422);
    expect(early.body.error.details[0].field).toBe('key_actions.0.due_on');
    const status = await t.request('POST', '/api/v1/recommendations', {
      token: owner.token,
      body: { text: 'Bad status', status: 'done' },
    });
    expect(status.status).toBe(422);
    expect(status.body.error.details[0].field).toBe('body.status');
    expect((await get(`/recommendations/counts?owner_org_id=${owner.orgId}`, owner)).body.total).toBe(before);
    const current = (await get(`/recommendations/${ids.dueLater}`, owner)).body;
    const moved = await t.request('PATCH', `/api/v1/recommendations/${ids.dueLater}`, {
      token: owner.token,
      body: { version: current.version, issued_on: '3000-01-01' },
    });
    expect(moved.status).toBe(422);
    const after = (await get(`/recommendations/${ids.dueLater}`, owner)).body;
    expect([after.version, after.issued_on]).toEqual([current.version, '2024-03-01']);
  });

  it('takes dated progress with evidence from the responsible organisation, and keeps the history', async () => {
    const path = `/api/v1/recommendations/${ids.overdue}/key-actions/0/progress`;
    const byOwner = await t.request('POST', path, {
      token: owner.token,
      body: { status: 'in_progress', comment: 'Not ours to do' },
    });
    expect(byOwner.status).toBe(403);
    const started = await t.request('POST', path, {
      token: partner.token,
      body: {
        status: 'in_progress',
        comment: 'Two judges agreed to join',
        reported_on: '2020-03-02',
        evidence_url: 'https://example.org/minutes.pdf',
      },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.key_actions[0].status).toBe('in_progress');
    const done = await t.request('POST', path, {
      token: partner.token,
      body: { status: 'completed', comment: 'The committee met with the judges', reported_on: '2020-05-04' },
    });
    expect(done.status).toBe(201);
    expect(done.body.key_actions[0]).toMatchObject({ status: 'completed', completed_on: '2020-05-04' });
    expect(done.body.overdue).toBe(false);
    expect(
      done.body.progress.map((p: Record<string, unknown>) => [
        p.reported_on,
        p.from_status,
        p.status,
        p.evidence_url,
      ]),
    ).toEqual([
      ['2020-03-02', 'not_started', 'in_progress', 'https://example.org/minutes.pdf'],
      ['2020-05-04', 'in_progress', 'completed', null],
    ]);
    expect(done.body.progress[0].org).toEqual({ id: partner.orgId, name: expect.any(String) });

    const again = await t.request('POST', path, {
      token: partner.token,
      body: { status: 'in_progress', comment: 'More' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('action_closed');
    const unchanged = (await get(`/recommendations/${ids.overdue}`, owner)).body;
    expect([unchanged.version, unchanged.progress.length]).toEqual([done.body.version, 2]);
  });

  it('names the organisation responsible for each key action: its editors, and only they, record progress', async () => {
    const rec = (await get(`/recommendations/${ids.dueLater}`, outsider)).body;
    // The first action's owner is the partner's acronym; the second names nobody, so the owner answers.
    expect(rec.responsible_org_ids).toEqual([partner.orgId, owner.orgId]);
    const path = (i: number) => `/api/v1/recommendations/${ids.dueLater}/key-actions/${i}/progress`;
    const body = { status: 'in_progress', comment: 'x', reported_on: '2024-04-01' };
    expect((await t.request('POST', path(1), { token: partner.token, body })).status).toBe(403);
    expect((await t.request('POST', path(0), { token: owner.token, body })).status).toBe(403);
    expect((await get(`/recommendations/${ids.dueLater}`, owner)).body.progress).toEqual([]);
  });

  it('refuses progress on a closed recommendation, hidden ones, future days and documents one cannot see', async () => {
    const closed = await t.request('POST', `/api/v1/recommendations/${ids.closed}/key-actions/0/progress`, {
      token: owner.token,
      body: { status: 'in_progress', comment: 'x' },
    });
    expect(closed.status).toBe(409);
    const hidden = await t.request('POST', `/api/v1/recommendations/${ids.private}/key-actions/0/progress`, {
      token: outsider.token,
      body: { status: 'in_progress', comment: 'x' },
    });
    expect(hidden.status).toBe(404);
    const path = `/api/v1/recommendations/${ids.dueLater}/key-actions/0/progress`;
    const future = await t.request('POST', path, {
      token: partner.token,
      body: { status: 'in_progress', comment: 'x', reported_on: '2999-01-01' },
    });
    expect(future.status).toBe(422);
    const doc = await t.request('POST', path, {
      token: partner.token,
      body: {
        status: 'in_progress',
        comment: 'x',
        evidence_document_id: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(doc.status).toBe(422);
    expect(doc.body.error.details[0].field).toBe('evidence_document_id');
    const missing = await t.request(
      'POST',
      `/api/v1/recommendations/${ids.dueLater}/key-actions/5/progress`,
      {
        token: partner.token,
        body: { status: 'in_progress', comment: 'x' },
      },
    );
    expect(missing.status).toBe(404);
    expect((await get(`/recommendations/${ids.dueLater}`, owner)).body.progress).toEqual([]);
  });

  it('shows the two ratings side by side and their disagreement; a rating off the scale changes nothing', async () => {
    const rate = (who: TestMember, body: Record<string, unknown>, id = ids.overdue) =>
      t.request('POST', `/api/v1/recommendations/${id}/ratings`, { token: who.token, body });
    expect((await rate(owner, { kind: 'self', rating: 'high' })).status).toBe(403);
    expect((await rate(partner, { kind: 'validation', rating: 'high' })).status).toBe(403);
    expect((await rate(outsider, { kind: 'validation', rating: 'high' }, ids.private)).status).toBe(404);
    const own = await rate(partner, { kind: 'self', rating: 'complete', comment: 'All done' });
    expect(own.status).toBe(201);
    expect(own.body.ratings_disagree).toBe(false);
    const validated = await rate(owner, { kind: 'validation', rating: 'substantial' });
    expect(validated.body.self_rating).toMatchObject({
      rating: 'complete',
      comment: 'All done',
      org: { id: partner.orgId },
    });
    expect(validated.body.validation_rating).toMatchObject({
      rating: 'substantial',
      org: { id: owner.orgId },
    });
    expect(validated.body.ratings_disagree).toBe(true);
    const off = await rate(owner, { kind: 'validation', rating: 'excellent' });
    expect(off.status).toBe(422);
    expect(off.body.error.details[0].field).toBe('body.rating');
    expect((await get(`/recommendations/${ids.overdue}`, owner)).body.validation_rating.rating).toBe(
      'substantial',
    );
    const counts = await get(`/recommendations/counts?owner_org_id=${owner.orgId}`, owner);
    expect(counts.body.ratings_disagree).toBe(1);
  });

  it('gives the implementation rate by organisation, year and theme, as JSON and CSV, through the access filter', async () => {
    // By now: the overdue one has its only action completed and a validation; the closed one is completed.
    const byOrg = await get(
      `/recommendations/implementation-rate?by=organisation&owner_org_id=${owner.orgId}`,
      owner,
    );
    expect(byOrg.body.groups).toEqual([
      {
        key: owner.orgId,
        label: expect.any(String),
        recommendations: 5,
        implemented: 2,
        implemented_share: 0.4,
        validated: 1,
        validated_share: 0.2,
      },
    ]);
    const outside = await get(
      `/recommendations/implementation-rate?by=organisation&owner_org_id=${owner.orgId}`,
      outsider,
    );
    expect(outside.body.groups[0]).toMatchObject({ recommendations: 4, implemented: 2 });
    const byYear = await get(
      `/recommendations/implementation-rate?by=year&owner_org_id=${owner.orgId}`,
      owner,
    );
    const years = Object.fromEntries(
      byYear.body.groups.map((g: { key: string; recommendations: number; implemented: number }) => [
        g.key,
        [g.recommendations, g.implemented],
      ]),
    );
    expect(years['2019']).toEqual([1, 1]);
    expect(years['2024']).toEqual([2, 1]);
    const byTheme = await get(
      `/recommendations/implementation-rate?by=theme&owner_org_id=${owner.orgId}`,
      outsider,
    );
    const themes = byTheme.body.groups.map((g: { key: string | null; recommendations: number }) => [
      g.key,
      g.recommendations,
    ]);
    expect(themes).toEqual([
      ['judiciary', 2],
      ['prosecution', 2],
      [null, 2],
    ]);
    const csv = await t.request(
      'GET',
      `/api/v1/recommendations/implementation-rate?by=organisation&format=csv&owner_org_id=${owner.orgId}`,
      { token: owner.token },
    );
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toBe(
      'organisation,label,recommendations,implemented,implemented_share,validated,validated_share',
    );
    expect(lines[1]).toMatch(new RegExp(`^${owner.orgId},.*,5,2,0.4,1,0.2$`));
  });
});
