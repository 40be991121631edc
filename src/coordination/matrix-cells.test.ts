// The 3W matrix is read from cells kept up to date at commit (migration 050). These tests change a
// project in every way that moves it between cells and check, after each change, that the kept
// cells equal cells recomputed from scratch, that the matrix shows the change, and that a filtered
// matrix (grouped from the facts) agrees with the kept cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { sql } from '../db/sql.ts';
import { addColombianActivity } from './test-registry.ts';

interface Cell {
  organisation: string;
  country: string | null;
  theme: string | null;
  projects: number;
  budget: number;
}

const ALL_STATUSES = 'pipeline,active,finalisation,closed,cancelled,suspended';

describe('3W matrix cells kept at commit', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;
  let ownerName: string;
  let partnerId: string;
  let partnerName: string;

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { demo: true });
    await addColombianActivity(t.db);
    const a = await buildOrgWithEditor(t.db);
    owner = a.editor;
    ownerName = a.org.name;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    const partner = await buildOrgWithEditor(t.db);
    partnerId = partner.org.id;
    partnerName = partner.org.name;
  });
  afterAll(() => t.close());

  const matrixBody = async (query: string, token?: string) => {
    const res = await t.request('GET', `/api/v1/coordination/matrix?${query}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { cells: Cell[]; rates: { missing: string[] } };
  };
  const matrix = async (query: string, token?: string) => (await matrixBody(query, token)).cells;
  const ofOrg = (cells: Cell[], organisation: string) =>
    cells
      .filter((c) => c.organisation === organisation)
      .map((c) => [c.country, c.theme, c.projects, c.budget])
      .sort();

  /** The kept cells, then the same after recomputing everything: they must not differ. */
  async function expectCellsMatchRecomputation() {
    const snapshot = () =>
      t.db.query<
        Record<string, unknown>
      >(sql`SELECT dims, visibility, owner_org_id, org_id, country, theme, projects,
          ARRAY(SELECT round(x::numeric, 2) FROM unnest(budget) AS x) AS budget
        FROM matrix_cells ORDER BY org_id, dims, country, theme, visibility, owner_org_id`);
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(50);
    await t.db.transaction((tx) => tx.query(sql`SELECT matrix_refresh_all()`));
    expect(await snapshot()).toEqual(kept);
  }

  /** The kept cells (no filter) and the facts (a filter that keeps everything) give one answer. */
  async function expectCellsMatchFacts(token?: string) {
    for (const dimensions of ['country,theme', 'country', 'theme', '']) {
      const kept = await matrix(`dimensions=${dimensions}`, token);
      const grouped = await matrix(`dimensions=${dimensions}&status=${ALL_STATUSES}`, token);
      expect(grouped).toEqual(kept);
    }
  }

  it('moves a project between cells as it is created, edited, hidden and deleted', async () => {
    const created = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: {
        title: 'Prison health programme in Honduras and Guatemala',
        status: 'active',
        start: '2021',
        ongoing: true,
        visibility: 'public',
        countries: ['HN', 'GT'],
        themes: ['prisons', 'policing'],
        budget: [{ amount: 400_000, currency: 'USD', value_date: '2021-01-01' }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    expect(ofOrg(await matrix('dimensions=country'), ownerName)).toEqual([
      ['GT', null, 1, 200_000],
      ['HN', null, 1, 200_000],
    ]);
    expect(ofOrg(await matrix('country=HN'), ownerName)).toEqual([
      ['HN', 'policing', 1, 100_000],
      ['HN', 'prisons', 1, 100_000],
    ]);
    await expectCellsMatchRecomputation();

    // New countries with shares, one theme fewer, a partner, and a second budget line in euros.
    const edited = await t.request('PATCH', `/api/v1/projects/${id}`, {
      token: owner.token,
      body: {
        version: created.body.version,
        countries: [
          { code: 'HN', share: 75 },
          { code: 'SV', share: 25 },
        ],
        themes: ['prisons'],
        participants: [{ org_id: partnerId, role: 'implementer' }],
        budget: [
          { amount: 400_000, currency: 'USD', value_date: '2021-01-01' },
          { amount: 100_000, currency: 'EUR', value_date: '2021-06-01' },
          // No rate for yen: left out of the sums, and named so the reader knows.
          { amount: 9_000_000, currency: 'JPY', value_date: '2021-06-01' },
        ],
      },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    // With participants named, the owner no longer stands in: the partner holds the cells.
    const byCountry = await matrix('dimensions=country');
    expect(ofOrg(byCountry, ownerName)).toEqual([]);
    const partnerCells = ofOrg(byCountry, partnerName);
    expect(partnerCells.map((c) => c.slice(0, 3))).toEqual([
      ['HN', null, 1],
      ['SV', null, 1],
    ]);
    const [hn, sv] = partnerCells.map((c) => c[3] as number);
    expect(hn! / sv!).toBeCloseTo(3, 6);
    expect(hn! + sv!).toBeGreaterThan(500_000); // 400,000 USD and 100,000 EUR at the 2021 rate
    expect(hn! + sv!).toBeLessThan(560_000);
    expect((await matrixBody('dimensions=country')).rates.missing).toEqual(['JPY']);
    expect((await matrixBody('year=2022&country=SV')).rates.missing).toEqual(['JPY']);
    expect((await matrixBody('country=PE')).rates.missing).toEqual([]);
    await expectCellsMatchRecomputation();
    await expectCellsMatchFacts();

    // Hidden: gone for everyone but its owner's members, who still see it.
    const hidden = await t.request('PATCH', `/api/v1/projects/${id}`, {
      token: owner.token,
      body: { version: edited.body.version, visibility: 'owner' },
    });
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
    expect(ofOrg(await matrix('dimensions=country'), partnerName)).toEqual([]);
    expect(ofOrg(await matrix('dimensions=country', outsider.token), partnerName)).toEqual([]);
    expect(ofOrg(await matrix('dimensions=', outsider.token), partnerName)).toEqual([]);
    expect(ofOrg(await matrix('dimensions=country', owner.token), partnerName)).toHaveLength(2);
    expect((await matrixBody('dimensions=country', outsider.token)).rates.missing).toEqual([]);
    expect((await matrixBody('dimensions=country', owner.token)).rates.missing).toEqual(['JPY']);
    await expectCellsMatchRecomputation();
    await expectCellsMatchFacts(owner.token);
    await expectCellsMatchFacts(outsider.token);

    const removed = await t.request('DELETE', `/api/v1/projects/${id}`, { token: owner.token });
    expect(removed.status, JSON.stringify(removed.body)).toBeLessThan(300);
    expect(ofOrg(await matrix('dimensions=country', owner.token), partnerName)).toEqual([]);
    const left = await t.db.query(sql`SELECT 1 FROM matrix_facts WHERE project_id = ${id}`);
    expect(left).toHaveLength(0);
    await expectCellsMatchRecomputation();
  });

  it('gives the same cells for every viewer whether kept or grouped from the facts', async () => {
    await expectCellsMatchFacts();
    await expectCellsMatchFacts(owner.token);
  });

  it('counts each project once per organisation when the dimensions are summed over', async () => {
    const kept = await matrix('dimensions=');
    const projects = await t.db.query<{ n: number }>(sql`SELECT count(DISTINCT p.id)::int AS n
      FROM projects p JOIN project_participants pp ON pp.project_id = p.id
      WHERE p.visibility = 'public' AND pp.org_id = (SELECT id FROM organisations WHERE name = ${'Conflict, Stability and Security Fund'})`);
    const cssf = kept.filter((c) => c.organisation === 'Conflict, Stability and Security Fund');
    expect(cssf).toHaveLength(1);
    expect(cssf[0]!.projects).toBe(projects[0]!.n);
    expect(cssf[0]!.country).toBeNull();
    expect(cssf[0]!.theme).toBeNull();
  });
});
