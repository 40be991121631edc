// Duplicate projects and their merge through the API: candidates explained and only among projects
// the viewer may see; the merge moves every record of the project (documents, reviews and their
// scores, evaluations, recommendations, lessons, meetings, assessments), is audited and undone
// exactly; only the owner merges, and every refused merge leaves everything as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { sql } from '../db/sql.ts';
import { PROJECT_DETAILS, PROJECT_RECORDS } from './project-merge.repository.ts';

let t: TestApp;
let owner: TestMember;
let other: TestMember;
const ids: Record<string, string> = {};
const TITLE = 'Peru Colombia Serious and Organised Crime Programme';

async function stateOf(): Promise<string[]> {
  const tables = ['projects', ...PROJECT_DETAILS, ...PROJECT_RECORDS.map((r) => r.table)];
  const found: string[] = [];
  for (const table of tables) {
    const rows = await t.db.query<{
      row: string;
    }>(sql`SELECT to_jsonb(x)::text AS row FROM ${sql.raw(table)} x
      WHERE to_jsonb(x)::text LIKE ${`%${ids.copy}%`} OR to_jsonb(x)::text LIKE ${`%${ids.kept}%`}`);
    found.push(...rows.map((r) => `${table} ${r.row}`));
  }
  return found.sort();
}

async function created(who: TestMember, path: string, body: Record<string, unknown>) {
  const res = await t.request('POST', path, { token: who.token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const merge = (who: TestMember, id: string, into: string) =>
  t.request('POST', `/api/v1/projects/${id}/merge`, { token: who.token, body: { into } });

beforeAll(async () => {
  t = await startTestApp();
  owner = (await buildOrgWithEditor(t.db)).editor;
  other = (await buildOrgWithEditor(t.db)).editor;
  ids.kept = await created(owner, '/api/v1/projects', {
    title: TITLE,
    visibility: 'network',
    countries: [{ code: 'PE' }],
    start: '2016',
  });
  ids.copy = await created(owner, '/api/v1/projects', {
    title: TITLE,
    iati_identifier: 'GB-GOV-3-PECO-SOC',
    description: 'Registered again from the IATI file',
    visibility: 'owner',
    countries: [{ code: 'PE' }],
    start: '2016-04',
    end: '2019',
    budget: [{ amount: 250_000, currency: 'GBP' }],
  });
  ids.others = await created(other, '/api/v1/projects', {
    title: 'Border management in the Andes',
    iati_identifier: 'GB-GOV-3-PECO-SOC',
    visibility: 'public',
  });
  const on = { project_id: ids.copy, visibility: 'owner' };
  ids.review = await created(owner, '/api/v1/reviews', {
    ...on,
    period_label: '2017/18',
    narrative: 'On track',
  });
  ids.evaluation = await created(owner, '/api/v1/evaluations', { ...on, title: 'Mid-term evaluation' });
  ids.recommendation = await created(owner, '/api/v1/recommendations', {
    ...on,
    text: 'Train judges',
    number: 1,
  });
  ids.lesson = await created(owner, '/api/v1/lessons', { ...on, text: 'Start small' });
  ids.meeting = await created(owner, '/api/v1/meetings', { ...on, title: 'Steering committee' });
  ids.assessment = await created(owner, '/api/v1/assessments', {
    instrument: 'heuni-checklist',
    subject: { type: 'project', id: ids.copy },
    title: 'Checklist',
  });
  const doc = await uploadFile(t, 'annual-review.txt', Buffer.from('Annual review of the programme.\n'), {
    token: owner.token,
    fields: { visibility: 'owner', project_id: ids.copy },
  });
  expect(doc.status).toBe(201);
  ids.document = doc.body.id;
});
afterAll(() => t.close());

describe('GET /coordination/duplicates', () => {
  it('explains each pair, across publishers too, to the owner', async () => {
    const res = await t.request('GET', '/api/v1/coordination/duplicates', { token: owner.token });
    expect(res.status).toBe(200);
    const pairs = res.body.items.map(
      (i: { projects: { id: string }[]; reasons: { explained: string[] } }) => ({
        ids: i.projects.map((p) => p.id).sort(),
        explained: i.reasons.explained,
      }),
    );
    expect(pairs).toContainEqual({
      ids: [ids.copy, ids.kept].sort(),
      explained: ['same title', 'both in PE', 'overlapping dates'],
    });
    expect(pairs).toContainEqual({
      ids: [ids.copy, ids.others].sort(),
      explained: ['same IATI identifier GB-GOV-3-PECO-SOC'],
    });
  });

  it('never proposes a private duplicate to another organisation', async () => {
    const res = await t.request('GET', '/api/v1/coordination/duplicates', { token: other.token });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(ids.copy);
  });
});

describe('POST /projects/{id}/merge', () => {
  let before: string[];
  let mergeId: string;

  it('refuses a merge into itself, across owners, or of a project the user cannot see, changing nothing', async () => {
    before = await stateOf();
    const cases: [TestMember, string, string, number][] = [
      [owner, ids.copy!, ids.copy!, 422],
      [owner, ids.copy!, ids.others!, 403],
      [other, ids.others!, ids.kept!, 403],
      [other, ids.copy!, ids.kept!, 404],
      [other, ids.others!, ids.copy!, 422],
    ];
    for (const [who, id, into, status] of cases) {
      const res = await merge(who, id, into);
      expect(res.status, `${id} into ${into}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    // A hidden project is answered exactly as a missing one.
    const missing = await merge(other, '00000000-0000-4000-8000-000000000000', ids.kept!);
    const hidden = await merge(other, ids.copy!, ids.kept!);
    expect(hidden.body.error.message.replace(ids.copy!, 'X')).toBe(
      missing.body.error.message.replace('00000000-0000-4000-8000-000000000000', 'X'),
    );
    expect(await stateOf()).toEqual(before);
  });

  it('moves every record to the project that stays, which fills its gaps, and removes the copy', async () => {
    const res = await merge(owner, ids.copy!, ids.kept!);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'project',
      source: { id: ids.copy, name: TITLE },
      undone_at: null,
    });
    mergeId = res.body.id;
    expect((await t.request('GET', `/api/v1/projects/${ids.copy}`, { token: owner.token })).status).toBe(404);
    const kept = (await t.request('GET', `/api/v1/projects/${ids.kept}`, { token: owner.token })).body;
    expect(kept).toMatchObject({
      iati_identifier: 'GB-GOV-3-PECO-SOC',
      description: 'Registered again from the IATI file',
      period: { start: '2016', end: '2019' },
      version: 2,
    });
    for (const kind of [
      'review',
      'evaluation',
      'recommendation',
      'lesson',
      'meeting',
      'assessment',
      'document',
    ]) {
      const got = await t.request('GET', `/api/v1/${kind}s/${ids[kind]}`, { token: owner.token });
      expect(got.status, kind).toBe(200);
      expect(got.body.project_id ?? got.body.subject?.id, kind).toBe(ids.kept);
    }
    const trail = await t.request('GET', `/api/v1/audit?org_id=${owner.orgId}&action=merge`, {
      token: owner.token,
    });
    expect(trail.status).toBe(403); // the trail is the administrators'; checked in the table instead
    const audit = await t.db.query<{ details: Record<string, unknown> }>(
      sql`SELECT details FROM audit_log WHERE action = 'merge' AND entity_id = ${ids.kept}`,
    );
    expect(audit[0]?.details).toMatchObject({
      merge_id: mergeId,
      merged: { id: ids.copy, title: TITLE },
      before: { target: { iati_identifier: null, end_date: null } },
      after: { iati_identifier: 'GB-GOV-3-PECO-SOC', end_date: '2019-12-31' },
    });
  });

  it('is undone exactly, once, by the owner only', async () => {
    const undo = (who: TestMember) =>
      t.request('POST', `/api/v1/projects/merges/${mergeId}/undo`, { token: who.token });
    expect((await undo(other)).status).toBe(404);
    const res = await undo(owner);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.undone_at).not.toBeNull();
    const after = await stateOf();
    expect(after).toEqual(before);
    const again = await undo(owner);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_undone');
    expect(await stateOf()).toEqual(after);
  });
});

describe('the rows a project merge moves or keeps', () => {
  it('are every table with a foreign key to projects', async () => {
    const foreign = await t.db.query<{ ref: string }>(sql`SELECT conrelid::regclass::text AS ref
      FROM pg_constraint WHERE contype = 'f' AND confrelid = 'projects'::regclass`);
    const listed = [...PROJECT_DETAILS, ...PROJECT_RECORDS.map((r) => r.table)];
    expect(foreign.length).toBeGreaterThan(15);
    expect(foreign.map((r) => r.ref).filter((r) => !listed.includes(r))).toEqual([]);
  });
});
