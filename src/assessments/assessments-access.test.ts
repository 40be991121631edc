// An assessment is owner-only by default: another organisation and an anonymous visitor can
// neither see it nor infer it (the same 404 as an id that does not exist), in every read path.
// Shared with a named organisation, that organisation reads it (without the share list, which is
// the owner's) and every other one still gets the 404 of a missing id.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { dayOf, ManualClock } from '../reminders/clock.ts';
import { sharingService } from '../sharing/sharing.service.ts';
import { type AssessmentWorld, buildAssessmentWorld } from './test-setup.ts';

let app: TestApp;
let w: AssessmentWorld;
let privateId: string;
let sharedId: string;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildAssessmentWorld(app);
  const create = async (body: Record<string, unknown>) =>
    (await app.request('POST', '/api/v1/assessments', { token: w.assessor1.token, body })).body.id as string;
  privateId = await create({
    instrument: 'heuni-checklist',
    subject: { type: 'project', id: w.project.id },
    title: 'Private review of Peru',
  });
  sharedId = await create({
    instrument: 'paris-declaration',
    subject: { type: 'country', code: 'PE' },
    visibility: 'network',
  });
  await app.request('PUT', `/api/v1/assessments/${privateId}/agreed`, {
    token: w.assessor1.token,
    body: { scores: [{ question: 'needs_assessment', value: 'no' }] },
  });
});
afterAll(() => app.close());

/** The reply without the id it names, so a hidden and a missing assessment can be compared. */
async function answer(path: string, token?: string) {
  const res = await app.request('GET', path, token ? { token } : {});
  const body = JSON.stringify(res.body)
    .replaceAll(privateId, 'ID')
    .replace(/[0-9a-f-]{36}/g, 'ID');
  return { status: res.status, body };
}

describe('a private assessment', () => {
  const paths = (id: string) => [
    `/api/v1/assessments/${id}`,
    `/api/v1/assessments/${id}/results`,
    `/api/v1/assessments/${id}/results?format=csv`,
    `/api/v1/assessments/${id}/prefill`,
  ];

  it('answers another organisation and an anonymous visitor exactly as a missing one', async () => {
    const missing = randomUUID();
    for (const token of [w.outsider.token, undefined]) {
      for (const [i, path] of paths(privateId).entries()) {
        const hidden = await answer(path, token);
        expect(hidden.status).toBe(404);
        expect(hidden).toEqual(await answer(paths(missing)[i]!, token));
      }
      const compare = await answer(`/api/v1/assessments/compare?ids=${privateId},${sharedId}`, token);
      expect(compare.status).toBe(404);
    }
    expect(
      (await app.request('GET', `/api/v1/assessments/${privateId}`, { token: w.assessor2.token })).status,
    ).toBe(200);
  });

  it('is left out of every list another organisation or a visitor reads', async () => {
    const ids = async (token?: string, query = '') =>
      (await app.request('GET', `/api/v1/assessments${query}`, token ? { token } : {})).body.map(
        (a: { id: string }) => a.id,
      );
    expect(await ids(w.assessor1.token)).toEqual(expect.arrayContaining([privateId, sharedId]));
    expect(await ids(w.outsider.token)).toEqual([sharedId]);
    expect(await ids(w.outsider.token, `?project_id=${w.project.id}`)).toEqual([]);
    expect(await ids(undefined)).toEqual([]);
  });

  it('cannot be written or deleted by another organisation, which changes nothing', async () => {
    const body = { scores: [{ question: 'needs_assessment', value: 'yes' }] };
    const put = await app.request('PUT', `/api/v1/assessments/${privateId}/agreed`, {
      token: w.outsider.token,
      body,
    });
    expect(put.status).toBe(404);
    expect(
      (await app.request('DELETE', `/api/v1/assessments/${privateId}`, { token: w.outsider.token })).status,
    ).toBe(404);
    const shared = await app.request('PUT', `/api/v1/assessments/${sharedId}/scores`, {
      token: w.outsider.token,
      body: { scores: [{ question: 'ind_1', value: 'satisfactory' }] },
    });
    expect(shared.status).toBe(403);
    const own = await app.request('GET', `/api/v1/assessments/${privateId}`, { token: w.assessor1.token });
    expect(own.body.agreed.scores.map((s: { value: string }) => s.value)).toEqual(['no']);
  });

  it('never names a project its reader may not see, nor pre-fills from one', async () => {
    const hidden = await app.request('POST', '/api/v1/projects', {
      token: w.outsider.token,
      body: {
        title: 'Confidential vetting programme in Peru',
        visibility: 'owner',
        countries: ['PE'],
        themes: ['corruption'],
      },
    });
    expect(hidden.status).toBe(201);
    const prefill = await app.request('GET', `/api/v1/assessments/${privateId}/prefill`, {
      token: w.assessor1.token,
    });
    expect(JSON.stringify(prefill.body)).not.toContain('Confidential vetting');
    expect(JSON.stringify(prefill.body)).toContain(w.otherProject.title);
    // An assessment the outsider shares about its own private project shows the project to no one else.
    const theirs = await app.request('POST', '/api/v1/assessments', {
      token: w.outsider.token,
      body: {
        instrument: 'heuni-checklist',
        subject: { type: 'project', id: hidden.body.id },
        visibility: 'network',
      },
    });
    const seen = await app.request('GET', `/api/v1/assessments/${theirs.body.id}`, {
      token: w.assessor1.token,
    });
    expect(seen.body.subject).toEqual({ type: 'project', id: null, name: null });
    // And nobody can apply an instrument to a project hidden from them.
    const onHidden = await app.request('POST', '/api/v1/assessments', {
      token: w.assessor1.token,
      body: { instrument: 'heuni-checklist', subject: { type: 'project', id: hidden.body.id } },
    });
    expect(onHidden.status).toBe(422);
    expect(onHidden.body.error.message).toBe(
      'body.subject.id: no project with this id exists, or you may not see it',
    );
  });
});

describe('an assessment shared with a named organisation', () => {
  let named: TestMember;
  let namedId: string;
  const ownIds = async () =>
    (await app.request('GET', '/api/v1/assessments', { token: w.assessor1.token })).body.map(
      (a: { id: string }) => a.id,
    );

  beforeAll(async () => {
    named = (await buildOrgWithEditor(app.db)).editor;
    const res = await app.request('POST', '/api/v1/assessments', {
      token: w.assessor1.token,
      body: {
        instrument: 'heuni-checklist',
        subject: { type: 'project', id: w.project.id },
        title: 'Assessment shared with one partner',
        visibility: 'shared',
        shared_with: [named.orgId],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ visibility: 'shared', shared_with: [named.orgId], withheld_fields: [] });
    namedId = res.body.id;
  });

  it('is read by the organisation named, without the share list, in pages and lists', async () => {
    const page = await app.request('GET', `/api/v1/assessments/${namedId}`, { token: named.token });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      title: 'Assessment shared with one partner',
      visibility: 'shared',
      shared_with: null,
      withheld_fields: ['shared_with'],
    });
    const results = await app.request('GET', `/api/v1/assessments/${namedId}/results`, {
      token: named.token,
    });
    expect(results.status).toBe(200);
    const listed = (await app.request('GET', '/api/v1/assessments', { token: named.token })).body;
    expect(listed.map((a: { id: string; shared_with: unknown }) => [a.id, a.shared_with])).toContainEqual([
      namedId,
      null,
    ]);
  });

  it('answers any other organisation and a visitor exactly as a missing one, and lists it to neither', async () => {
    const missing = randomUUID();
    for (const token of [w.outsider.token, undefined]) {
      for (const path of ['', '/results', '/results?format=csv', '/prefill']) {
        const hidden = await answer(`/api/v1/assessments/${namedId}${path}`, token);
        expect(hidden.status).toBe(404);
        expect(hidden).toEqual(await answer(`/api/v1/assessments/${missing}${path}`, token));
      }
      const listed = (await app.request('GET', '/api/v1/assessments', token ? { token } : {})).body;
      expect(listed.map((a: { id: string }) => a.id)).not.toContain(namedId);
    }
  });

  it('refuses an unknown organisation, or a share list without sharing, naming shared_with and storing nothing', async () => {
    const before = await ownIds();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ visibility: 'shared', shared_with: [randomUUID()] }, /no organisation has the id/],
      [{ visibility: 'shared' }, /at least one organisation/],
      [{ visibility: 'owner', shared_with: [named.orgId] }, /only with visibility 'shared'/],
    ];
    for (const [sharing, message] of cases) {
      const res = await app.request('POST', '/api/v1/assessments', {
        token: w.assessor1.token,
        body: { instrument: 'heuni-checklist', subject: { type: 'project', id: w.project.id }, ...sharing },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([
        { field: 'shared_with', message: expect.stringMatching(message) },
      ]);
    }
    expect(await ownIds()).toEqual(before);
  });

  it('is shared anew by its owner’s PATCH, refused whole when an organisation is unknown, and audited', async () => {
    const path = `/api/v1/assessments/${namedId}`;
    const { version } = (await app.request('GET', path, { token: w.assessor1.token })).body;
    const patch = (body: Record<string, unknown>, token = w.assessor1.token) =>
      app.request('PATCH', path, { token, body });
    const unknown = await patch({ shared_with: [w.outsider.orgId, randomUUID()], version });
    expect([unknown.status, unknown.body.error.details[0].field]).toEqual([422, 'shared_with']);
    expect((await patch({ shared_with: [w.outsider.orgId], version }, named.token)).status).toBe(403);
    const moved = await patch({ shared_with: [w.outsider.orgId], version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ shared_with: [w.outsider.orgId], version: version + 1 });
    expect((await patch({ visibility: 'owner', version })).status).toBe(409);
    expect((await app.request('GET', path, { token: w.outsider.token })).status).toBe(200);
    const gone = await answer(path, named.token);
    expect(gone).toEqual(await answer(`/api/v1/assessments/${randomUUID()}`, named.token));
    expect(gone.status).toBe(404);
    const trail = await app.request('GET', `/api/v1/audit?org_id=${w.ownerOrgId}&action=share`, {
      token: w.admin.token,
    });
    const shares = trail.body.items.filter((e: { entity_id: string }) => e.entity_id === namedId);
    expect(
      shares.map((e: { details: { after: { shared_with: { id: string }[] } } }) =>
        e.details.after.shared_with.map((o) => o.id),
      ),
    ).toEqual([[w.outsider.orgId], [named.orgId]]);
  });

  it('becomes public on its embargo day, by the job every kind’s embargo follows', async () => {
    const day = (n: number) => dayOf(new Date(Date.now() + n * 86_400_000));
    const created = await app.request('POST', '/api/v1/assessments', {
      token: w.assessor1.token,
      body: {
        instrument: 'paris-declaration',
        subject: { type: 'country', code: 'PE' },
        visibility: 'shared',
        shared_with: [named.orgId],
        embargo_until: day(2),
      },
    });
    expect(created.body).toMatchObject({ visibility: 'shared', embargo_until: day(2) });
    const path = `/api/v1/assessments/${created.body.id}`;
    expect((await app.request('GET', path)).status).toBe(404);
    await sharingService.liftEmbargoes(app.db, new ManualClock(`${day(2)}T00:30:00Z`));
    const published = await app.request('GET', path);
    expect([published.status, published.body.visibility, published.body.embargo_until]).toEqual([
      200,
      'public',
      null,
    ]);
  });
});
