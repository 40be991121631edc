// Known answers for budgets and donors across every place that shows them: the 3W matrix as JSON,
// CSV and Excel, the map, the gaps, the dashboard and the country brief (JSON and print). A budget
// is the same figure everywhere; where no project states one it is unknown ("—" or a blank cell),
// never 0. Owning a record does not make an organisation a donor, and a regional project's open
// recommendations belong to the briefs of its region's countries.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

const MINISTRY = 'Nordic Ministry of Justice';
const AGENCY = 'Andean Implementing Agency';

interface Cell {
  organisation: string;
  country: string | null;
  projects: number;
  budget: number;
  budgeted: number;
}

describe('budgets and donors, the same everywhere', () => {
  let t: TestApp;
  let ministry: TestMember;
  let agency: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    ministry = (await buildOrgWithEditor(t.db, { name: MINISTRY, type: 'donor_government' })).editor;
    agency = (await buildOrgWithEditor(t.db, { name: AGENCY, type: 'multilateral' })).editor;
    const make = async (token: string, body: Record<string, unknown>) => {
      const res = await t.request('POST', '/api/v1/projects', {
        token,
        body: { visibility: 'public', status: 'active', ongoing: true, ...body },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    // USD 500,000, 60% Peru and 40% Bolivia; the ministry owns it and names no funder.
    await make(ministry.token, {
      title: 'Andean border policing',
      start: '2022',
      countries: [
        { code: 'PE', share: 60 },
        { code: 'BO', share: 40 },
      ],
      themes: ['policing'],
      budget: [{ amount: 500_000, currency: 'USD', value_date: '2022-01-01' }],
    });
    // No budget and no funder: the agency entered it (as an upload's confirmation would).
    await make(agency.token, {
      title: 'Bolivian prison census',
      start: '2023',
      countries: ['BO'],
      themes: ['prisons'],
    });
    // A regional project without a country of its own, and its open recommendation.
    const regional = await make(agency.token, {
      title: 'South American prosecutors network',
      start: '2021',
      regions: [{ name: 'South America' }],
      themes: ['prosecution'],
    });
    const rec = await t.request('POST', '/api/v1/recommendations', {
      token: agency.token,
      body: { project_id: regional, visibility: 'public', text: 'Meet the network twice a year.' },
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
  });
  afterAll(() => t.close());

  const get = async (path: string) => {
    const res = await t.request('GET', `/api/v1/${path}`, { token: ministry.readToken });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('gives each matrix cell its budget and how many projects state one, the same in JSON, CSV and Excel', async () => {
    const cells = (await get('coordination/matrix?dimensions=country')).cells as Cell[];
    const row = (organisation: string, country: string) =>
      cells.find((c) => c.organisation === organisation && c.country === country);
    expect(row(MINISTRY, 'PE')).toMatchObject({ projects: 1, budget: 300_000, budgeted: 1 });
    expect(row(MINISTRY, 'BO')).toMatchObject({ projects: 1, budget: 200_000, budgeted: 1 });
    expect(row(AGENCY, 'BO')).toMatchObject({ projects: 1, budget: 0, budgeted: 0 });
    // The cells kept at commit and the facts grouped per request (a status filter) agree.
    const grouped = (await get('coordination/matrix?dimensions=country&status=active')).cells as Cell[];
    expect(grouped).toEqual(cells);

    const csv = ((await get('coordination/matrix?dimensions=country&format=csv')) as string).split('\r\n');
    expect(csv.find((l) => l.startsWith(`${MINISTRY},`) && l.includes(',BO,'))).toMatch(/,1,200000$/);
    expect(csv.find((l) => l.startsWith(`${AGENCY},`) && l.includes(',BO,'))).toMatch(/,1,$/);

    const res = await fetch(`${t.baseUrl}/api/v1/coordination/matrix?dimensions=country&format=xlsx`, {
      headers: { authorization: `Bearer ${ministry.readToken}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const rows: { org: unknown; country: unknown; budget: unknown }[] = [];
    book.getWorksheet('3W')!.eachRow((r, i) => {
      if (i > 1)
        rows.push({ org: r.getCell(1).value, country: r.getCell(6).value, budget: r.getCell(5).value });
    });
    expect(rows).toContainEqual({ org: MINISTRY, country: 'PE', budget: 300_000 });
    expect(rows).toContainEqual({ org: AGENCY, country: 'BO', budget: null });
  });

  it('gives the map and the country brief the same budgets, "—" where none is stated', async () => {
    const map = (await get('coordination/map')).countries as { country: string }[];
    expect(map.find((c) => c.country === 'BO')).toMatchObject({ projects: 2, budget: 200_000, budgeted: 1 });
    expect(map.find((c) => c.country === 'PE')).toMatchObject({ projects: 1, budget: 300_000, budgeted: 1 });

    const brief = await get('countries/BO/brief');
    expect(brief.active.budget).toBe(200_000);
    const budgets = Object.fromEntries(
      brief.active.projects.map((p: { title: string; budget: number | null }) => [p.title, p.budget]),
    );
    expect(budgets).toEqual({
      'Andean border policing': 200_000,
      'Bolivian prison census': null,
    });
    const html = (await get('countries/BO/brief?format=html')) as string;
    expect(html).toContain('USD 200,000');
    expect(html).toMatch(/Bolivian prison census<\/td><td>[^<]*<\/td><td><\/td><td class="num">—<\/td>/);
  });

  it('counts funders and donor-government owners as donors, never the organisation that entered a record', async () => {
    const brief = await get('countries/BO/brief');
    expect(brief.active.by_donor).toEqual([
      { org_id: ministry.orgId, name: MINISTRY, projects: 1, budget: 200_000 },
    ]);
    const summary = await get('coordination/summary');
    expect(summary.donors).toEqual([{ org_id: ministry.orgId, name: MINISTRY, projects: 1 }]);
    // The census names no donor: its cell still counts it, with no donor and no concentration.
    const gaps = await get('coordination/gaps?country=BO&theme=prisons,policing');
    expect(gaps.countries[0].themes).toEqual([
      expect.objectContaining({
        theme: 'prisons',
        projects: 1,
        donors: 0,
        budget: 0,
        hhi: null,
        gap: 'little',
      }),
      expect.objectContaining({ theme: 'policing', projects: 1, donors: 1, budget: 200_000, hhi: 1 }),
    ]);
  });

  it("lists a regional project's open recommendations in the brief of each country of its region", async () => {
    for (const code of ['BO', 'PE']) {
      const brief = await get(`countries/${code}/brief`);
      expect(brief.open_recommendations.map((r: { text: string }) => r.text)).toEqual([
        'Meet the network twice a year.',
      ]);
    }
    expect((await get('countries/MX/brief')).open_recommendations).toEqual([]);
  });
});
