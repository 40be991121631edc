// An assessment is owner-only by default: another organisation and an anonymous visitor can
// neither see it nor infer it (the same 404 as an id that does not exist), in every read path.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
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
