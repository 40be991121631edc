// Assessments over HTTP on both engines: applying an instrument, assessors side by side, the
// agreed result, every score checked against its scale, pre-fill with its evidence, versions
// kept, comparison and CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { type AssessmentWorld, buildAssessmentWorld } from './test-setup.ts';

let app: TestApp;
let w: AssessmentWorld;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildAssessmentWorld(app);
});
afterAll(() => app.close());

async function createAssessment(body: Record<string, unknown>, token = w.assessor1.token) {
  const res = await app.request('POST', '/api/v1/assessments', { token, body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}
const score = (question: string, value: string, text?: string) => ({
  question,
  value,
  ...(text ? { evidence: { text } } : {}),
});

describe('an assessment of a project with the HEUNI checklist', () => {
  let id: string;

  it('is created owner-only, at the current instrument version, naming its subject', async () => {
    const a = await createAssessment({
      instrument: 'heuni-checklist',
      subject: { type: 'project', id: w.project.id },
    });
    id = a.id;
    expect(a).toMatchObject({
      visibility: 'owner',
      instrument: { key: 'heuni-checklist', version: 1 },
      subject: { type: 'project', id: w.project.id, name: w.project.title },
      assessors: [],
      agreed: null,
    });
  });

  it('refuses a score off its scale, an unknown question and an unknown field, and stores nothing', async () => {
    const cases: [unknown, string, string][] = [
      [{ scores: [score('needs_assessment', '4')] }, 'body.scores.0.value', 'yes_partly_no'],
      [
        { scores: [score('who_else_works', 'yes'), score('no_such_question', 'yes')] },
        'body.scores.1.question',
        'not a question',
      ],
      [
        { scores: [score('purpose', 'yes'), score('purpose', 'no')] },
        'body.scores.1.question',
        'scored twice',
      ],
      [{ scores: [{ ...score('purpose', 'yes'), weight: 2 }] }, 'body.scores.0', 'weight'],
    ];
    for (const [body, field, words] of cases) {
      const res = await app.request('PUT', `/api/v1/assessments/${id}/scores`, {
        token: w.assessor1.token,
        body,
      });
      expect(res.status).toBe(422);
      expect(res.body.error.details[0].field).toBe(field);
      expect(res.body.error.message).toContain(words);
    }
    const country = await app.request('POST', '/api/v1/assessments', {
      token: w.assessor1.token,
      body: { instrument: 'heuni-checklist', subject: { type: 'country', code: 'PE' } },
    });
    expect(country.status).toBe(422);
    expect(country.body.error.details[0].field).toBe('body.subject.type');
    expect(
      (await app.request('GET', `/api/v1/assessments/${id}`, { token: w.assessor1.token })).body.assessors,
    ).toEqual([]);
  });

  it('keeps each assessor’s sheet, and shows them side by side with the spread', async () => {
    const first = [
      score('needs_assessment', 'yes', 'A needs assessment from 2019 is on file'),
      score('who_else_works', 'partly'),
      score('purpose', 'yes'),
    ];
    const second = [
      score('needs_assessment', 'no'),
      score('who_else_works', 'partly'),
      score('monitor_evaluate', 'no'),
    ];
    expect(
      (
        await app.request('PUT', `/api/v1/assessments/${id}/scores`, {
          token: w.assessor1.token,
          body: { scores: first },
        })
      ).status,
    ).toBe(200);
    const res = await app.request('PUT', `/api/v1/assessments/${id}/scores`, {
      token: w.assessor2.token,
      body: { scores: second },
    });
    expect(res.status).toBe(200);
    expect(res.body.assessors).toHaveLength(2);
    const row = (q: string) =>
      res.body.side_by_side.find((s: { question_id: string }) => s.question_id === q);
    expect(row('needs_assessment').spread).toBe(1);
    expect(row('who_else_works').spread).toBe(0);
    expect(row('purpose').spread).toBeNull();
    expect(row('needs_assessment').values).toEqual([
      expect.objectContaining({ value: expect.any(String) }),
      expect.objectContaining({ value: expect.any(String) }),
    ]);
    const mine = res.body.assessors.find(
      (s: { assessor: { id: string } }) => s.assessor.id === w.assessor1.userId,
    );
    expect(mine.scores[0].evidence.text).toBe('A needs assessment from 2019 is on file');
    // Preparation: yes, partly, yes over three answered of six = 0.833; the other areas have no score.
    expect(mine.results.areas.map((a: { score: number | null }) => a.score)).toEqual([0.833, null, null]);
  });

  it('records an agreed result with scores per area, overall and the weakest areas', async () => {
    const agreed = [
      ...[
        'needs_assessment',
        'who_else_works',
        'purpose',
        'strategies',
        'written_proposal',
        'risks_benefits',
      ].map((q) => score(q, 'yes')),
      ...['know_partner', 'stakeholder_support', 'cost_responsibility', 'legal_system_culture'].map((q) =>
        score(q, 'partly'),
      ),
      score('start_small', 'no'),
      score('realistic_timetable', 'partly'),
      score('monitor_evaluate', 'no'),
      score('patience', 'yes'),
    ];
    const res = await app.request('PUT', `/api/v1/assessments/${id}/agreed`, {
      token: w.assessor1.token,
      body: { scores: agreed },
    });
    expect(res.status).toBe(200);
    expect(res.body.agreed.results).toEqual({
      areas: [
        expect.objectContaining({ area_id: 'preparation', score: 1 }),
        expect.objectContaining({ area_id: 'partners_context', score: 0.5 }),
        expect.objectContaining({ area_id: 'delivery', score: 0.375 }),
      ],
      overall: 0.625,
      weakest_areas: ['delivery', 'partners_context', 'preparation'],
    });
    expect(
      res.body.side_by_side.find((s: { question_id: string }) => s.question_id === 'start_small').agreed,
    ).toBe('no');
    const csv = await app.request('GET', `/api/v1/assessments/${id}/results?format=csv`, {
      token: w.assessor1.token,
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toMatch(/^area_id,area,assessor .*,assessor .*,agreed$/);
    expect(lines.at(-1)).toMatch(/^overall,Overall,.*,0\.625$/);
  });

  it('pre-fills what Tacit knows about the project, saying where it comes from', async () => {
    const res = await app.request('GET', `/api/v1/assessments/${id}/prefill`, { token: w.assessor1.token });
    const byQuestion = Object.fromEntries(
      res.body.items.map((i: { question_id: string }) => [i.question_id, i]),
    );
    expect(Object.keys(byQuestion).sort()).toEqual([
      'monitor_evaluate',
      'realistic_timetable',
      'who_else_works',
    ]);
    expect(byQuestion.who_else_works).toMatchObject({ value: 'partly', source: 'overlaps' });
    expect(byQuestion.who_else_works.evidence.text).toContain(w.otherProject.title);
    expect(byQuestion.who_else_works.evidence.links).toContainEqual({
      record: 'project',
      id: w.otherProject.id,
    });
    expect(byQuestion.monitor_evaluate).toMatchObject({
      value: 'no',
      evidence: { text: 'Tacit holds 0 reviews, 0 indicators and 0 evaluations for this project.' },
    });
    expect(byQuestion.realistic_timetable).toMatchObject({
      value: 'yes',
      evidence: {
        text: 'The project runs 2020-01-01 to 2030-12-31, and no review scored it below expectations.',
      },
    });
    // The same findings as message keys and values, for the web app to say in es and fr.
    expect(byQuestion.realistic_timetable.message).toEqual({
      key: 'timetable_on_track',
      params: { start: '2020-01-01', end: '2030-12-31' },
    });
    expect(byQuestion.monitor_evaluate.message).toEqual({
      key: 'monitoring',
      params: { reviews: 0, indicators: 0, evaluations: 0 },
    });
    expect(byQuestion.who_else_works.message.key).toBe('overlaps_found');
    expect(byQuestion.who_else_works.message.params.names).toContain(w.otherProject.title);
    const principles = await createAssessment({
      instrument: 'ta-principles',
      subject: { type: 'project', id: w.project.id },
    });
    const p = await app.request('GET', `/api/v1/assessments/${principles.id}/prefill`, {
      token: w.assessor1.token,
    });
    expect(p.body.items.find((i: { source: string }) => i.source === 'civil_society')).toMatchObject({
      question_id: 'civil_society_rating',
      value: '4',
      evidence: { text: `Civil-society organisations among the project’s participants: ${w.ngoName}.` },
      message: { key: 'civil_society_found', params: { names: w.ngoName } },
    });
  });
});

describe('versions and comparison', () => {
  it('keeps an assessment on its instrument version when the instrument is edited, and compares only within a version', async () => {
    const instrument = (await app.request('GET', '/api/v1/instruments/cj-integrity')).body.definition;
    const custom = { ...instrument, key: 'integrity-pilot' };
    expect(
      (await app.request('POST', '/api/v1/instruments', { token: w.admin.token, body: custom })).status,
    ).toBe(201);
    const subject = { type: 'organisation', id: w.ownerOrgId };
    const v1 = await createAssessment({ instrument: 'integrity-pilot', subject, title: 'Pilot 2025' });
    const v1b = await createAssessment({ instrument: 'integrity-pilot', subject, title: 'Pilot 2026' });
    const edited = structuredClone(custom);
    edited.areas[0].questions.pop();
    edited.areas[0].aggregation = 'average';
    delete edited.areas[0].conversion_table;
    expect(
      (
        await app.request('PUT', '/api/v1/instruments/integrity-pilot', {
          token: w.admin.token,
          body: edited,
        })
      ).body.version,
    ).toBe(2);
    const v2 = await createAssessment({ instrument: 'integrity-pilot', subject });
    expect(v2.instrument.version).toBe(2);
    // The first assessment still scores the question version 2 removed, and rates its area by the table.
    const sheet = (a: string, b: string) => ({
      scores: [score('internal_unit', a), score('internal_followup', b)],
    });
    const put = await app.request('PUT', `/api/v1/assessments/${v1.id}/agreed`, {
      token: w.assessor1.token,
      body: sheet('A', 'B'),
    });
    expect(put.body.instrument.version).toBe(1);
    expect(put.body.agreed.results.areas[0]).toMatchObject({
      area_id: 'internal_oversight',
      rating: 'B+',
      score: 0.833,
    });
    await app.request('PUT', `/api/v1/assessments/${v1b.id}/agreed`, {
      token: w.assessor1.token,
      body: sheet('C', 'D'),
    });
    const gone = await app.request('PUT', `/api/v1/assessments/${v2.id}/agreed`, {
      token: w.assessor1.token,
      body: sheet('A', 'B'),
    });
    expect(gone.status).toBe(422);
    expect(gone.body.error.details[0].field).toBe('body.scores.1.question');

    const compared = await app.request('GET', `/api/v1/assessments/compare?ids=${v1.id},${v1b.id}`, {
      token: w.assessor1.token,
    });
    expect(compared.status).toBe(200);
    expect(compared.body.instrument).toEqual({ key: 'integrity-pilot', version: 1 });
    expect(
      compared.body.assessments.map((a: { title: string; results: { areas: { rating: string }[] } }) => [
        a.title,
        a.results.areas[0]!.rating,
      ]),
    ).toEqual([
      ['Pilot 2025', 'B+'],
      ['Pilot 2026', 'D+'],
    ]);
    const csv = await app.request('GET', `/api/v1/assessments/compare?ids=${v1.id},${v1b.id}&format=csv`, {
      token: w.assessor1.token,
    });
    expect((csv.body as string).split('\r\n').slice(0, 2)).toEqual([
      'area_id,area,Pilot 2025,Pilot 2026',
      'internal_oversight,Internal oversight,0.833,0.167',
    ]);
    const mixed = await app.request('GET', `/api/v1/assessments/compare?ids=${v1.id},${v2.id}`, {
      token: w.assessor1.token,
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body.error.code).toBe('different_instrument_versions');
  });
});
