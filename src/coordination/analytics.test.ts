import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { addColombianActivity, COLOMBIA_JUDICIAL_REFORM } from './test-registry.ts';

// Peru/Colombia: GBP 2,300,000 from 2015, at the 2015 rate of 0.655 GBP per USD.
const PECO_USD = 2_300_000 / 0.655;

describe('who does what where', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;
  let ownerOrg: string;

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { demo: true });
    await addColombianActivity(t.db);
    const a = await buildOrgWithEditor(t.db, { name: 'Secret Donor Ministry' });
    owner = a.editor;
    ownerOrg = a.org.id;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    const secret = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: {
        title: 'Confidential police integrity programme',
        visibility: 'owner',
        status: 'active',
        countries: ['PE'],
        themes: ['corruption'],
        start: '2020',
        ongoing: true,
        budget: [{ amount: 999_999, currency: 'USD' }],
      },
    });
    expect(secret.status).toBe(201);
  });
  afterAll(() => t.close());

  const get = (path: string, token?: string) => t.request('GET', `/api/v1/coordination/${path}`, { token });

  it('sums converted budgets in the 3W matrix, split over countries and themes', async () => {
    const res = await get('matrix?country=PE');
    expect(res.status).toBe(200);
    expect(res.body.currency).toBe('USD');
    expect(res.body.rates.source).toMatch(/OECD/);
    const cssf = res.body.cells.filter(
      (c: { organisation: string }) => c.organisation === 'Conflict, Stability and Security Fund',
    );
    expect(cssf).toHaveLength(9);
    // Largest budget first, every cell named after its organisation.
    const all = (await get('matrix')).body.cells as { budget: number; organisation?: string }[];
    const budgets = all.map((c) => c.budget);
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));
    expect(budgets[0]).toBeGreaterThan(budgets.at(-1)!);
    expect(all.every((c) => c.organisation?.length)).toBe(true);
    const corruption = cssf.find((c: { theme: string }) => c.theme === 'corruption');
    expect(corruption).toMatchObject({
      country: 'PE',
      country_name: 'Peru',
      theme_label: 'Corruption and integrity',
      projects: 1,
    });
    expect(corruption.budget).toBeCloseTo(PECO_USD / 2 / 9, 0);
    const total = cssf.reduce((s: number, c: { budget: number }) => s + c.budget, 0);
    expect(total).toBeCloseTo(PECO_USD / 2, -1);
    const inGbp = await get('matrix?country=PE&currency=GBP');
    const gbp = inGbp.body.cells.find(
      (c: { organisation: string; theme: string }) =>
        c.organisation === 'Conflict, Stability and Security Fund' && c.theme === 'corruption',
    );
    expect(gbp.budget).toBeCloseTo(2_300_000 / 2 / 9, 0);
  });

  it('pages the matrix, largest cells first, and says how many cells it holds', async () => {
    const all = (await get('matrix')).body;
    expect(all.total).toBe(all.cells.length);
    expect(all.total).toBeGreaterThan(3);
    const page = await get('matrix?limit=2&offset=1');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: all.total, offset: 1 });
    expect(page.body.cells).toEqual(all.cells.slice(1, 3));
    const past = await get(`matrix?limit=2&offset=${all.total}`);
    expect(page.body.total).toBe(past.body.total);
    expect(past.body.cells).toEqual([]);
    // The CSV holds every cell unless a limit is named.
    const csv = (await get('matrix?format=csv')).body as string;
    expect(csv.trim().split('\r\n')).toHaveLength(all.total + 1);
    for (const bad of ['limit=0', 'limit=abc', 'offset=-1', 'limit=100001']) {
      const res = await get(`matrix?${bad}`);
      expect(res.status, bad).toBe(422);
      expect(res.body.error.code).toBeTruthy();
      expect(res.body.error.message).toMatch(bad.startsWith('limit') ? /limit/ : /offset/);
    }
  });

  it('exports the matrix as CSV and Excel', async () => {
    const csv = await get('matrix?country=PE&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('organisation,org_id,country,country_name,theme,theme_label,projects,budget_USD');
    expect(
      lines.some(
        (l) => l.startsWith('"Conflict, Stability and Security Fund",') && l.includes(',corruption,'),
      ),
    ).toBe(true);

    const res = await fetch(`${t.baseUrl}/api/v1/coordination/matrix?country=PE&format=xlsx`);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('3W')!;
    expect(sheet.rowCount).toBe(lines.length);
    expect(sheet.getRow(1).getCell(1).value).toBe('Organisation');
  });

  it('gives the map, the gaps with concentration, and the timeline', async () => {
    const map = await get('map');
    const pe = map.body.countries.find((c: { country: string }) => c.country === 'PE');
    expect(pe.projects).toBe(1);
    expect(pe.budget).toBeCloseTo(PECO_USD / 2, -1);

    const gaps = await get('gaps?country=PE,CO&theme=corruption,judiciary');
    expect(gaps.body.countries).toEqual([
      {
        country: 'PE',
        name: 'Peru',
        themes: [
          {
            theme: 'corruption',
            label: 'Corruption and integrity',
            projects: 0,
            donors: 0,
            budget: 0,
            hhi: null,
            gap: 'none',
          },
          {
            theme: 'judiciary',
            label: 'Judiciary and courts',
            projects: 0,
            donors: 0,
            budget: 0,
            hhi: null,
            gap: 'none',
          },
        ],
      },
      {
        country: 'CO',
        name: 'Colombia',
        themes: [
          {
            theme: 'corruption',
            label: 'Corruption and integrity',
            projects: 0,
            donors: 0,
            budget: 0,
            hhi: null,
            gap: 'none',
          },
          expect.objectContaining({ theme: 'judiciary', projects: 1, donors: 1, hhi: 1, gap: 'little' }),
        ],
      },
    ]);
    const all = await get('gaps?country=PE&theme=corruption&status=active,closed');
    expect(all.body.countries[0].themes[0]).toMatchObject({ projects: 1, donors: 1, hhi: 1, gap: 'little' });

    const timeline = await get('timeline?country=CO');
    const co = timeline.body.countries[0];
    expect(co.projects.map((p: { title: string }) => p.title)).toEqual([
      'Peru/Colombia Serious and Organised Crime (SOC)',
      COLOMBIA_JUDICIAL_REFORM,
    ]);
    expect(co.active_by_year).toContainEqual({ year: 2019, active: 2 });
    expect(co.active_by_year).toContainEqual({ year: 2016, active: 1 });
  });

  it('never counts a project the viewer may not see', async () => {
    const mine = await get('matrix?country=PE', owner.token);
    expect(mine.body.cells).toContainEqual(
      expect.objectContaining({
        org_id: ownerOrg,
        country: 'PE',
        theme: 'corruption',
        projects: 1,
        budget: 999_999,
      }),
    );
    const myGaps = await get('gaps?country=PE&theme=corruption', owner.token);
    expect(myGaps.body.countries[0].themes[0]).toMatchObject({ projects: 1, gap: 'little' });
    for (const token of [outsider.token, undefined]) {
      const matrix = await get('matrix?country=PE', token);
      expect(JSON.stringify(matrix.body)).not.toContain(ownerOrg);
      expect(matrix.body.cells.every((c: { budget: number }) => c.budget < 999_999)).toBe(true);
      const csv = await get('matrix?format=csv', token);
      expect(csv.body).not.toContain('Secret Donor Ministry');
      const map = await get('map?country=PE', token);
      expect(map.body.countries).toEqual([expect.objectContaining({ country: 'PE', projects: 1 })]);
      const gaps = await get('gaps?country=PE&theme=corruption', token);
      expect(gaps.body.countries[0].themes[0]).toMatchObject({ projects: 0, gap: 'none' });
      const timeline = await get('timeline?country=PE', token);
      expect(JSON.stringify(timeline.body)).not.toContain('Confidential');
    }
  });
});
