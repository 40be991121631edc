// Completeness with known answers (a record with exactly these elements has this score and misses
// these), the list's completeness filters, and an organisation's data-quality page, each as its
// owner and as another organisation, which must learn nothing about records hidden from it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { DOCUMENTS_DIR } from '../../test/support/fixtures.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { sql } from '../db/sql.ts';

const ALL_KEYS = [
  'description',
  'identifier',
  'start_date',
  'end_date',
  'location',
  'sector',
  'funder',
  'implementer',
  'budget',
  'budget_period',
  'budget_category',
  'dac_code',
  'outputs',
  'outcome',
  'indicators',
  'results_scored',
];
const missingKeys = (p: { completeness: { missing: { key: string }[] } }) =>
  p.completeness.missing.map((m) => m.key);

describe('record completeness and data quality', () => {
  let t: TestApp;
  let owner: TestMember;
  let ownerOrg: string;
  let other: TestMember;
  let donor: string;
  let agency: string;
  const ids: Record<string, string> = {};

  const complete = () => ({
    title: 'Complete project',
    description: 'Strengthens prosecution services.',
    code: 'Q-FULL',
    start: '2021-01',
    end: '2024-12',
    countries: ['PE'],
    themes: ['prosecution'],
    dac_codes: ['15130'],
    participants: [
      { org_id: donor, role: 'funder' },
      { org_id: agency, role: 'implementer' },
    ],
    budget: [
      {
        amount: 1000,
        currency: 'USD',
        category: 'ODA',
        period_start: '2021-01-01',
        period_end: '2024-12-31',
      },
    ],
    outputs: [{ number: 1, title: 'Prosecutors trained', score: 'A' }],
    outcome: { statement: 'Cases are prosecuted faster' },
    indicators: [{ title: 'Cases closed', baseline_value: 10, target_value: 40 }],
  });

  async function create(key: string, body: Record<string, unknown>) {
    const res = await t.request('POST', '/api/v1/projects', { token: owner.token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const a = await buildOrgWithEditor(t.db);
    owner = a.editor;
    ownerOrg = a.org.id;
    other = (await buildOrgWithEditor(t.db)).editor;
    donor = (await buildOrganisation(t.db, { name: 'Quality Test Donor' })).id;
    agency = (await buildOrganisation(t.db, { name: 'World Customs Organization', acronym: 'WCO' })).id;
  });
  afterAll(() => t.close());

  it('scores a record with every element 100 and misses nothing', async () => {
    const p = await create('full', { ...complete(), visibility: 'network' });
    expect(p.completeness).toEqual({ score: 100, incomplete: false, missing: [], withheld: [] });
  });

  it('gives a record with exactly four core elements their weights, and lists the other twelve', async () => {
    const p = await create('sparse', {
      title: 'Sparse project',
      description: 'Only a few fields.',
      code: 'Q-SPARSE',
      start: '2022',
      countries: ['CO'],
      visibility: 'network',
    });
    // description 8 + identifier 8 + start date 8 + location 8
    expect(p.completeness.score).toBe(32);
    expect(p.completeness.incomplete).toBe(true);
    expect(missingKeys(p)).toEqual(
      ALL_KEYS.filter((k) => !['description', 'identifier', 'start_date', 'location'].includes(k)),
    );
    expect(p.completeness.missing[0]).toEqual({ key: 'end_date', group: 'core', weight: 6 });
  });

  it('counts a budget without periods or ODA category as a budget only, and ongoing as an end', async () => {
    const body = complete();
    const p = await create('budget-only', {
      ...body,
      code: 'Q-BUDGET',
      end: null,
      ongoing: true,
      budget: [{ amount: 500, currency: 'EUR' }],
      outputs: [{ number: 1, title: 'Unscored output' }],
      indicators: [{ title: 'No baseline', target_value: 3 }],
      visibility: 'network',
    });
    expect(missingKeys(p)).toEqual(['budget_period', 'budget_category', 'indicators', 'results_scored']);
    expect(p.completeness.score).toBe(100 - 5 - 5 - 4 - 4);
    expect(p.completeness.incomplete).toBe(false);
  });

  it('leaves elements of a withheld budget out of another organisation’s score, and says so', async () => {
    const p = await create('withheld', {
      ...complete(),
      code: 'Q-WITHHELD',
      budget: [],
      field_visibility: { budget: 'owner' },
      visibility: 'network',
    });
    expect(p.completeness.score).toBe(80);
    const seen = await t.request('GET', `/api/v1/projects/${p.id}`, { token: other.token });
    expect(seen.body.budget).toBeNull();
    expect(seen.body.completeness).toEqual({
      score: 100,
      incomplete: false,
      missing: [],
      withheld: ['budget', 'budget_period', 'budget_category'],
    });
  });

  it('filters the list by incomplete and completeness_below, as each viewer’s scores say', async () => {
    await create('hidden-sparse', { title: 'Owner-only sparse', visibility: 'owner' });
    const listed = async (query: string, token: string) => {
      const res = await t.request('GET', `/api/v1/projects?organisation=${ownerOrg}&${query}`, { token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((p: { id: string }) => p.id).sort();
    };
    const sorted = (...keys: string[]) => keys.map((k) => ids[k]).sort();
    expect(await listed('incomplete=true', owner.token)).toEqual(sorted('sparse', 'hidden-sparse'));
    expect(await listed('incomplete=false', owner.token)).toEqual(sorted('full', 'budget-only', 'withheld'));
    expect(await listed('completeness_below=83', owner.token)).toEqual(
      sorted('sparse', 'hidden-sparse', 'budget-only', 'withheld'),
    );
    expect(await listed('completeness_below=82', owner.token)).toEqual(
      sorted('sparse', 'hidden-sparse', 'withheld'),
    );
    // The other organisation sees the withheld project at 100 and never the owner-only one.
    expect(await listed('completeness_below=100', other.token)).toEqual(sorted('sparse', 'budget-only'));
    expect(await listed('incomplete=true', other.token)).toEqual(sorted('sparse'));
  });

  it('refuses a bad completeness filter with a 422 that names it', async () => {
    for (const q of ['incomplete=maybe', 'completeness_below=abc', 'completeness_below=0']) {
      const res = await t.request('GET', `/api/v1/projects?${q}`, { token: owner.token });
      expect(res.status, q).toBe(422);
      expect(JSON.stringify(res.body.error.details), q).toContain(q.split('=')[0]);
    }
  });

  it('publishes the elements and weights as data adding up to 100', async () => {
    const res = await t.request('GET', '/api/v1/quality/elements');
    expect(res.status).toBe(200);
    expect(res.body.project.map((e: { key: string }) => e.key)).toEqual(ALL_KEYS);
    expect(res.body.project.reduce((s: number, e: { weight: number }) => s + e.weight, 0)).toBe(100);
  });

  it('shows an organisation its completeness spread, stale projects and unresolved names', async () => {
    const old = new Date(Date.now() - 400 * 86_400_000);
    await t.db.query(
      sql`UPDATE projects SET updated_at = ${old} WHERE id = ANY(${[ids.sparse, ids['hidden-sparse']]}::uuid[])`,
    );
    const bytes = fs.readFileSync(path.join(DOCUMENTS_DIR, 'meeting-report-crimjust-integrity.txt'));
    const doc = await uploadFile(t, 'meeting.txt', bytes, {
      token: owner.token,
      fields: { visibility: 'owner' },
    });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);

    const mine = (await t.request('GET', `/api/v1/quality/organisations/${ownerOrg}`, { token: owner.token }))
      .body;
    expect(mine.projects).toMatchObject({
      total: 5,
      incomplete: 2,
      distribution: [
        { from: 0, to: 49, count: 2 },
        { from: 50, to: 74, count: 0 },
        { from: 75, to: 99, count: 2 },
        { from: 100, to: 100, count: 1 },
      ],
    });
    expect(
      mine.projects.least_complete
        .map((p: { id: string }) => p.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([ids['hidden-sparse'], ids.sparse].sort());
    expect(mine.projects.missing.slice(0, 3)).toEqual([
      { key: 'budget_period', group: 'financial', count: 4 },
      { key: 'budget_category', group: 'financial', count: 4 },
      { key: 'budget', group: 'financial', count: 3 },
    ]);
    expect(mine.stale.items.map((p: { id: string }) => p.id).sort()).toEqual(
      [ids.sparse, ids['hidden-sparse']].sort(),
    );
    const names = mine.unresolved_organisations.map((u: { name: string }) => u.name);
    expect(names).toContain('Transparency International');
    expect(names).not.toContain('World Customs Organization');
    expect(mine.unresolved_organisations[0].documents[0].id).toBe(doc.body.id);

    const theirs = (
      await t.request('GET', `/api/v1/quality/organisations/${ownerOrg}`, { token: other.token })
    ).body;
    expect(theirs.projects).toMatchObject({ total: 4, incomplete: 1 });
    expect(theirs.stale.items.map((p: { id: string }) => p.id)).toEqual([ids.sparse]);
    expect(theirs.unresolved_organisations).toEqual([]);
    const visitor = (await t.request('GET', `/api/v1/quality/organisations/${ownerOrg}`)).body;
    expect(visitor.projects.total).toBe(0);
  });

  it('answers an unknown organisation with a 404', async () => {
    const res = await t.request('GET', '/api/v1/quality/organisations/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
