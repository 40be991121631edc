// Completeness of meetings, reviews, evaluations and recommendations with known answers (a record
// with exactly these elements has this score and misses these), their lists' `incomplete` filter,
// and their part of the data-quality page, as the owner and as another organisation, which learns
// nothing about records or fields hidden from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

type Scored = {
  id: string;
  completeness: { score: number; incomplete: boolean; missing: { key: string }[] };
};
const missingKeys = (r: Scored) => r.completeness.missing.map((m) => m.key);

describe('completeness of meetings, reviews, evaluations and recommendations', () => {
  let t: TestApp;
  let owner: TestMember;
  let ownerOrg: string;
  let other: TestMember;
  let projectId: string;
  const ids: Record<string, string> = {};

  async function create(path: string, key: string, body: Record<string, unknown>): Promise<Scored> {
    const res = await t.request('POST', `/api/v1/${path}`, { token: owner.token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
    return res.body;
  }
  const read = async (path: string, id: string, token?: string): Promise<Scored & Record<string, unknown>> =>
    (await t.request('GET', `/api/v1/${path}/${id}`, { token })).body;

  beforeAll(async () => {
    t = await startTestApp();
    const [mine, theirs] = [await buildOrgWithEditor(t.db), await buildOrgWithEditor(t.db)];
    [owner, ownerOrg, other] = [mine.editor, mine.org.id, theirs.editor];
    const project = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: { title: 'Completeness of records', visibility: 'public' },
    });
    projectId = project.body.id;
  });
  afterAll(() => t.close());

  it('scores a meeting by its elements, and leaves its withheld people out of another’s score', async () => {
    const full = await create('meetings', 'full meeting', {
      title: 'Coordination meeting',
      visibility: 'public',
      held_on: '2024-03-05',
      place: 'Lima',
      summary: 'Donors agreed to share their prison projects.',
      countries: ['PE'],
      organisations: [{ name: 'Ministry of Justice', role: 'organiser' }],
      people: [{ name: 'A. Quispe', role: 'chair' }],
      project_id: projectId,
      figures: [{ value: 12, unit: 'prisons' }],
      field_visibility: { people: 'owner' },
    });
    // Every element but themes (10): 90 for the owner; without people (10) counted either way,
    // 80 of 90 for another organisation, which is told people is withheld.
    expect(full.completeness).toEqual({
      score: 90,
      incomplete: false,
      missing: [{ key: 'themes', group: 'value_added', weight: 10 }],
      withheld: [],
    });
    const theirs = await read('meetings', full.id, other.token);
    expect(theirs.completeness).toMatchObject({ score: 89, incomplete: false, withheld: ['people'] });
    expect(missingKeys(theirs)).toEqual(['themes']);

    const bare = await create('meetings', 'bare meeting', {
      title: 'Informal meeting',
      visibility: 'public',
      held_on: '2024-04-01',
      summary: 'Notes only.',
      countries: ['CO'],
    });
    expect(bare.completeness.score).toBe(40);
    expect(bare.completeness.incomplete).toBe(true);
    expect(missingKeys(bare)).toEqual(['place', 'participants', 'themes', 'people', 'project', 'figures']);
  });

  it('scores reviews, evaluations and recommendations with the weights of the reference file', async () => {
    const review = await create('reviews', 'review', {
      project_id: projectId,
      visibility: 'public',
      kind: 'annual',
      scale: 'uk_annual_review',
      period_start: '2023-04-01',
      period_end: '2024-03-31',
      overall_score: 'A',
    });
    // period 15 + overall score 15 + project 15; progress (core) missing.
    expect(review.completeness).toMatchObject({ score: 45, incomplete: true });
    expect(missingKeys(review)).toEqual([
      'progress',
      'outcome_score',
      'output_scores',
      'narrative',
      'risk_rating',
    ]);

    const evaluation = await create('evaluations', 'evaluation', {
      project_id: projectId,
      visibility: 'public',
      title: 'Final evaluation',
      completed_on: '2024-06-30',
      summary: 'Relevant and effective.',
      findings: [{ criterion: 'effectiveness', text: 'Targets met.' }],
      evaluators: ['Independent team'],
      stakeholders_total: 40,
    });
    // The four core elements (65) + evaluators 10 + stakeholders 10.
    expect(evaluation.completeness).toMatchObject({ score: 85, incomplete: false });
    expect(missingKeys(evaluation)).toEqual(['methods', 'field_missions']);

    const recommendation = await create('recommendations', 'recommendation', {
      visibility: 'public',
      text: 'Share prison data between donors every quarter.',
      addressee: 'Donor working group',
      category: 'Coordination',
    });
    // text 20 + addressee 15 + category 10; issued_on and project (core) missing.
    expect(recommendation.completeness).toMatchObject({ score: 45, incomplete: true });
    expect(missingKeys(recommendation)).toEqual([
      'issued_on',
      'project',
      'management_response',
      'key_actions',
      'response_text',
      'country',
    ]);
  });

  it('filters each list by incomplete, and refuses a bad value naming it', async () => {
    const listed = async (path: string, incomplete: string) =>
      (
        await t.request('GET', `/api/v1/${path}?owner_org_id=${ownerOrg}&incomplete=${incomplete}`, {
          token: owner.token,
        })
      ).body.items.map((r: { id: string }) => r.id);
    expect(await listed('meetings', 'true')).toEqual([ids['bare meeting']]);
    expect(await listed('meetings', 'false')).toEqual([ids['full meeting']]);
    expect(await listed('reviews', 'true')).toEqual([ids.review]);
    expect(await listed('reviews', 'false')).toEqual([]);
    expect(await listed('evaluations', 'false')).toEqual([ids.evaluation]);
    expect(await listed('recommendations', 'true')).toEqual([ids.recommendation]);
    for (const path of ['meetings', 'reviews', 'evaluations', 'recommendations']) {
      const res = await t.request('GET', `/api/v1/${path}?incomplete=maybe`, { token: owner.token });
      expect(res.status, path).toBe(422);
      expect(JSON.stringify(res.body.error.details), path).toContain('incomplete');
    }
  });

  it('counts them on the data-quality page, a private record for its owner only', async () => {
    await create('meetings', 'private meeting', { title: 'Closed meeting', visibility: 'owner' });
    const page = async (token?: string) =>
      (await t.request('GET', `/api/v1/quality/organisations/${ownerOrg}`, { token })).body.records;
    type KindQuality = { kind: string; missing: { key: string }[] };
    const meetings = (records: KindQuality[]) => records.find((r) => r.kind === 'meeting')!;
    const mine = await page(owner.token);
    expect(mine.map((r: { kind: string }) => r.kind)).toEqual([
      'meeting',
      'review',
      'evaluation',
      'recommendation',
    ]);
    // 90, 40 and 0 (the closed meeting has none of the elements).
    expect(meetings(mine)).toMatchObject({ total: 3, average: 43, incomplete: 2 });
    expect(meetings(mine).missing[0]).toEqual({ key: 'themes', group: 'value_added', count: 3 });
    const theirs = await page(other.token);
    // The closed meeting is not counted, and the withheld people not scored: (89 + 40) / 2.
    expect(meetings(theirs)).toMatchObject({ total: 2, average: 65, incomplete: 1 });
    expect(theirs.find((r: { kind: string }) => r.kind === 'review')).toMatchObject({
      total: 1,
      incomplete: 1,
    });
  });

  it('publishes every kind’s elements with weights adding up to 100, and why', async () => {
    const res = await t.request('GET', '/api/v1/quality/elements');
    for (const kind of ['project', 'meeting', 'review', 'evaluation', 'recommendation']) {
      expect(
        res.body[kind].reduce((s: number, e: { weight: number }) => s + e.weight, 0),
        kind,
      ).toBe(100);
      expect(res.body.explained[kind], kind).toMatch(/core/i);
      // A core element never comes from a restrictable field: incomplete tells nothing withheld.
      expect(
        res.body[kind].filter((e: { group: string; field: string | null }) => e.group === 'core' && e.field),
      ).toEqual([]);
    }
  });
});
