// Counts that must be exact: the 3W matrix without the theme split (a project with several themes
// counts once per organisation and country), and the registry summary behind the dashboard. Both
// count only what the viewer may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { budgetLabel } from '../iati/map.ts';
import { addColombianActivity } from './test-registry.ts';

// Peru/Colombia: GBP 2,300,000 from 2015, at the 2015 rate of 0.655 GBP per USD.
const PECO_USD = 2_300_000 / 0.655;
const CSSF = 'Conflict, Stability and Security Fund';

interface Cell {
  organisation: string;
  country: string | null;
  theme: string | null;
  projects: number;
  budget: number;
}

describe('exact counts', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;
  let ownerName: string;

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { demo: true });
    await addColombianActivity(t.db);
    const a = await buildOrgWithEditor(t.db);
    owner = a.editor;
    ownerName = a.org.name;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    const base = { status: 'active', start: '2021', ongoing: true };
    const multiTheme = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: {
        ...base,
        title: 'Public justice chain programme in Mexico and Guatemala',
        visibility: 'public',
        countries: ['MX', 'GT'],
        themes: ['policing', 'prisons', 'judiciary'],
        budget: [{ amount: 300_000, currency: 'USD', value_date: '2021-01-01' }],
      },
    });
    expect(multiTheme.status, JSON.stringify(multiTheme.body)).toBe(201);
    const secret = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: {
        ...base,
        title: 'Confidential Peruvian prosecution programme',
        visibility: 'owner',
        countries: ['PE'],
        themes: ['prosecution', 'corruption'],
      },
    });
    expect(secret.status, JSON.stringify(secret.body)).toBe(201);
  });
  afterAll(() => t.close());

  const get = async (path: string, token?: string) => {
    const res = await t.request('GET', `/api/v1/coordination/${path}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const cellsOf = (cells: Cell[], organisation: string) =>
    cells.filter((c) => c.organisation === organisation);

  it('gives organisation × country cells without the theme split, each project counted once', async () => {
    const split = await get('matrix?country=MX');
    expect(split.dimensions).toEqual(['country', 'theme']);
    const perTheme = cellsOf(split.cells, ownerName);
    expect(perTheme.map((c) => [c.theme, c.projects])).toEqual(
      expect.arrayContaining([
        ['policing', 1],
        ['prisons', 1],
        ['judiciary', 1],
      ]),
    );
    const byCountry = await get('matrix?dimensions=country');
    expect(byCountry.dimensions).toEqual(['country']);
    const mine = cellsOf(byCountry.cells, ownerName);
    expect(mine.map((c) => [c.country, c.theme, c.projects]).sort()).toEqual([
      ['GT', null, 1],
      ['MX', null, 1],
    ]);
    for (const c of mine) expect(c.budget).toBeCloseTo(150_000, 2);

    // The Peru/Colombia programme has nine themes: one project and half its budget per country.
    const cssf = cellsOf(byCountry.cells, CSSF);
    expect(cssf.map((c) => [c.country, c.projects]).sort()).toEqual([
      ['CO', 1],
      ['PE', 1],
    ]);
    for (const c of cssf) expect(c.budget).toBeCloseTo(PECO_USD / 2, -1);

    const csv = await t.request(
      'GET',
      '/api/v1/coordination/matrix?dimensions=country&country=PE&format=csv',
    );
    expect(csv.body).toContain(`"${CSSF}",`);
    expect((csv.body as string).split('\r\n').filter((l) => l.startsWith(`"${CSSF}"`))).toHaveLength(1);
  });

  it('keeps private projects out of the cells of those who may not see them', async () => {
    const mine = cellsOf((await get('matrix?dimensions=country&country=PE', owner.token)).cells, ownerName);
    expect(mine).toEqual([expect.objectContaining({ country: 'PE', theme: null, projects: 1 })]);
    for (const token of [outsider.token, undefined]) {
      const cells = (await get('matrix?dimensions=country&country=PE', token)).cells as Cell[];
      expect(cellsOf(cells, ownerName)).toEqual([]);
    }
  });

  it('refuses a dimension it does not know, naming the parameter', async () => {
    const res = await t.request('GET', '/api/v1/coordination/matrix?dimensions=country,donor');
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].field).toMatch(/^querystring\.dimensions/);
  });

  it('gives the gaps and the brief of Mexico, whose twelve USAID activities have all ended', async () => {
    // Every USAID activity there is in finalisation and past its end date (2013-2025): none is
    // active, so access to justice, which only they worked on, is a gap; only the multi-theme
    // programme (active, ongoing) counts, with half its budget for Mexico.
    const gaps = await get('gaps?country=MX');
    expect(gaps.status).toEqual(['active']);
    const access = gaps.countries[0].themes.find((c: { theme: string }) => c.theme === 'access-to-justice');
    expect(access).toMatchObject({ projects: 0, donors: 0, gap: 'none' });
    const brief = await t.request('GET', '/api/v1/countries/MX/brief');
    expect(brief.status, JSON.stringify(brief.body)).toBe(200);
    expect(brief.body.active.projects.map((p: { title: string }) => p.title)).toEqual([
      'Public justice chain programme in Mexico and Guatemala',
    ]);
    expect(brief.body.active.by_donor).toEqual([
      { org_id: expect.any(String), name: ownerName, projects: 1, budget: 150_000 },
    ]);
    expect(brief.body.active.budget).toBe(150_000);
  });

  it('counts the registry for the dashboard exactly, and only what the viewer may see', async () => {
    const all = await t.request('GET', '/api/v1/projects?limit=200');
    const anonymous = await get('summary');
    expect(anonymous.projects).toBe(all.body.items.length);
    const count = (list: { projects: number }[], key: string, value: string) =>
      (list as Record<string, unknown>[]).find((x) => x[key] === value)?.projects;
    expect(count(anonymous.countries, 'country', 'MX')).toBe(13);
    expect(count(anonymous.countries, 'country', 'PE')).toBe(1);
    expect(anonymous.countries.find((c: { country: string }) => c.country === 'PE').name).toBe('Peru');
    expect(count(anonymous.themes, 'theme', 'judiciary')).toBe(
      all.body.items.filter((p: { themes: string[] }) => p.themes.includes('judiciary')).length,
    );
    expect(count(anonymous.donors, 'name', ownerName)).toBe(1);
    expect(anonymous.recent[0]).toMatchObject({
      title: 'Public justice chain programme in Mexico and Guatemala',
      owner_name: ownerName,
    });

    const asOwner = await get('summary', owner.token);
    expect(asOwner.projects).toBe(anonymous.projects + 1);
    expect(count(asOwner.countries, 'country', 'PE')).toBe(2);
    expect(count(asOwner.donors, 'name', ownerName)).toBe(2);
    expect(asOwner.recent[0].title).toBe('Confidential Peruvian prosecution programme');
    for (const token of [outsider.token, undefined]) {
      const other = await get('summary', token);
      expect(JSON.stringify(other)).not.toMatch(/Confidential/);
      expect(count(other.countries, 'country', 'PE')).toBe(1);
      expect(count(other.themes, 'theme', 'prosecution') ?? 0).toBe(
        count(anonymous.themes, 'theme', 'prosecution') ?? 0,
      );
    }
    const peru = await get('summary?country=PE', owner.token);
    expect(peru.projects).toBe(2);
  });

  it('counts a revised IATI budget instead of the original for the same period, never both', async () => {
    const year = (y: number) => ({ period_start: `${y}-01-01`, period_end: `${y}-12-31`, currency: 'USD' });
    const res = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: {
        title: 'Paraguayan border police programme',
        visibility: 'public',
        status: 'active',
        start: '2022',
        countries: ['PY'],
        themes: ['border-security'],
        budget: [
          { ...year(2022), amount: 100_000, label: budgetLabel('1', '2') },
          { ...year(2022), amount: 120_000, label: budgetLabel('2', '2') },
          { ...year(2023), amount: 50_000, label: budgetLabel('1', '1') },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const map = await get('map?currency=USD');
    const paraguay = map.countries.find((c: { country: string }) => c.country === 'PY');
    expect(paraguay).toMatchObject({ projects: 1, budget: 170_000 });
  });

  it('gives gaps per region as the projects name it, with each project counted in its regions', async () => {
    const region = (name: string) => ({ name });
    for (const [title, themes, visibility] of [
      ['Central American border programme', ['border-security', 'migrant-smuggling'], 'public'],
      ['Central American police academy', ['policing'], 'public'],
      ['Confidential Central American informants fund', ['policing'], 'owner'],
    ] as const) {
      const res = await t.request('POST', '/api/v1/projects', {
        token: owner.token,
        body: {
          title,
          visibility,
          status: 'active',
          start: '2023',
          regions: [region('Central America (test)')],
          themes,
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const gapsOf = async (token?: string) => {
      const body = await get('gaps?by=region', token);
      expect(body.by).toBe('region');
      expect(body.countries).toEqual([]);
      const area = body.regions.find((r: { region: string }) => r.region === 'Central America (test)');
      return Object.fromEntries(
        area.themes.map((x: { theme: string; projects: number; gap: string | null }) => [
          x.theme,
          [x.projects, x.gap],
        ]),
      );
    };
    const anonymous = await gapsOf();
    expect(anonymous['border-security']).toEqual([1, 'little']);
    expect(anonymous.policing).toEqual([1, 'little']);
    expect(anonymous.prisons).toEqual([0, 'none']);
    // The owner also counts its confidential project; nobody else does.
    expect((await gapsOf(owner.token)).policing).toEqual([2, null]);
    expect((await gapsOf(outsider.token)).policing).toEqual([1, 'little']);
  });
});
