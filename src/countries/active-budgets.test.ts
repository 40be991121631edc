// Known answers for what a country brief, the gaps and the dashboard count as active, and for the
// budgets the brief shows on the page (JSON) and in print: the same figure, "—" where none is
// recorded. Peru holds the demo's closed Peru/Colombia programme and the projects made here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { addColombianActivity } from '../coordination/test-registry.ts';

const RUNNING = 'Peruvian prosecutors’ case management (running)';
const NO_BUDGET = 'Peruvian police forensics laboratory (running, no budget)';
/** Stated as active, but its end date has passed. */
const ENDED = 'Peruvian customs integrity (ended, status never updated)';
const FINALISING = 'Peruvian prison reform (finalisation)';
const PIPELINE = 'Peruvian juvenile justice (pipeline)';
const NOT_YET = 'Peruvian victims support (starts in 2090)';
const CONFIDENTIAL = 'Confidential Peruvian informants programme';

describe('active projects and budgets, known answers', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;
  let runningId = '';

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { demo: true });
    await addColombianActivity(t.db);
    owner = (await buildOrgWithEditor(t.db, { name: 'Andean Justice Fund' })).editor;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    const make = async (title: string, extra: Record<string, unknown>) => {
      const res = await t.request('POST', '/api/v1/projects', {
        token: owner.token,
        body: { title, visibility: 'public', countries: ['PE'], ...extra },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const eur = (amount: number) => [{ amount, currency: 'EUR', value_date: '2022-01-01' }];
    runningId = await make(RUNNING, {
      status: 'active',
      start: '2022',
      ongoing: true,
      themes: ['prosecution', 'judiciary'],
      budget: eur(200_000),
    });
    await make(NO_BUDGET, { status: 'active', start: '2023', ongoing: true, themes: ['forensics'] });
    await make(ENDED, {
      status: 'active',
      start: '2018',
      end: '2021',
      themes: ['corruption'],
      budget: eur(90_000),
    });
    await make(FINALISING, { status: 'finalisation', start: '2020', ongoing: true, themes: ['prisons'] });
    await make(PIPELINE, { status: 'pipeline', themes: ['juvenile-justice'] });
    await make(NOT_YET, { status: 'active', start: '2090', end: '2095', themes: ['victims'] });
    await make(CONFIDENTIAL, {
      visibility: 'owner',
      status: 'active',
      start: '2021',
      ongoing: true,
      themes: ['intelligence'],
      budget: eur(1_000_000),
    });
    const recs = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.request('POST', '/api/v1/recommendations', {
          token: owner.token,
          body: { project_id: runningId, visibility: 'public', text: `Open recommendation number ${i + 1}.` },
        }),
      ),
    );
    for (const r of recs) expect(r.status, JSON.stringify(r.body)).toBe(201);
  });
  afterAll(() => t.close());

  const brief = (query: string, token?: string) =>
    t.request('GET', `/api/v1/countries/PE/brief?${query}`, { token });

  it('counts as active only what runs today by its dates and is under way by its status', async () => {
    const res = await brief('currency=EUR');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.active.projects.map((p: { title: string }) => p.title).sort()).toEqual([
      NO_BUDGET,
      RUNNING,
    ]);
    const outsiderView = await brief('currency=EUR', outsider.token);
    expect(outsiderView.body.active.projects).toHaveLength(2);
    const mine = await brief('currency=EUR', owner.token);
    expect(mine.body.active.projects.map((p: { title: string }) => p.title)).toContain(CONFIDENTIAL);
  });

  it('gives the gaps from the same active projects', async () => {
    const gaps = await t.request('GET', '/api/v1/coordination/gaps?country=PE');
    const cell = (theme: string) =>
      gaps.body.countries[0].themes.find((c: { theme: string }) => c.theme === theme);
    expect(cell('prosecution')).toMatchObject({ projects: 1, gap: 'little' });
    expect(cell('forensics')).toMatchObject({ projects: 1, gap: 'little' });
    for (const theme of ['corruption', 'prisons', 'juvenile-justice', 'victims', 'intelligence'])
      expect(cell(theme), theme).toMatchObject({ projects: 0, gap: 'none' });
  });

  it('counts active projects on the dashboard with the same rule, only among what one may see', async () => {
    const anonymous = await t.request('GET', '/api/v1/coordination/summary?country=PE');
    // The closed Peru/Colombia programme, the six public projects made here.
    expect(anonymous.body).toMatchObject({ projects: 7, active: 2 });
    const mine = await t.request('GET', '/api/v1/coordination/summary?country=PE', { token: owner.token });
    expect(mine.body).toMatchObject({ projects: 8, active: 3 });
  });

  it('gives the same budgets on the page and in print: a figure where one is stated, "—" where none is', async () => {
    const json = (await brief('currency=EUR')).body;
    const running = json.active.projects.find((p: { title: string }) => p.title === RUNNING);
    const noBudget = json.active.projects.find((p: { title: string }) => p.title === NO_BUDGET);
    expect(running.budget).toBe(200_000);
    expect(noBudget.budget).toBeNull();
    expect(json.active.budget).toBe(200_000);
    expect(json.active.by_donor).toEqual([
      { org_id: expect.any(String), name: 'Andean Justice Fund', projects: 2, budget: 200_000 },
    ]);
    const byTheme = Object.fromEntries(
      json.active.by_theme.map((x: { theme: string; budget: number | null }) => [x.theme, x.budget]),
    );
    expect(byTheme).toEqual({ prosecution: 100_000, judiciary: 100_000, forensics: null });

    const html = (await brief('currency=EUR&format=html')).body as string;
    const row = (title: string) =>
      html.match(new RegExp(`<tr><td>${title.replace(/[()]/g, '\\$&')}</td>.*?</tr>`))?.[0];
    expect(row(RUNNING)).toContain('<td class="num">EUR 200,000</td>');
    expect(row(NO_BUDGET)).toContain('<td class="num">—</td>');
    expect(html).toContain('<strong>EUR 200,000</strong>');
    expect(html).not.toContain('EUR 0<');
  });

  it('prints for A4 portrait, in the reader’s language, with theme names and every open recommendation', async () => {
    const en = (await brief('format=html')).body as string;
    expect(en).toContain('@page { size: A4 portrait;');
    expect(en).toContain('max-width: 180mm');
    expect(en).toContain('<td>Judiciary and courts</td>');
    expect(en).not.toMatch(/<td>(judiciary|forensics|prosecution)<\/td>/);
    // 60 made here and the Peru/Colombia review's three on Peru: all of them, beyond any page limit.
    expect(en).toContain('<h2>Open recommendations (63)</h2>');
    expect(en).toContain('Open recommendation number 60.');
    expect((await brief('')).body.open_recommendations).toHaveLength(63);

    const es = (await brief('format=html&lang=es')).body as string;
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('<h1>Perú</h1>');
    expect(es).toContain('<td>Poder judicial y tribunales</td>');
    expect(es).toContain('<h2>Recomendaciones abiertas (63)</h2>');
    const fr = (await brief('format=html&lang=fr')).body as string;
    expect(fr).toContain('<h1>Pérou</h1>');
    expect(fr).toContain('<h2>Assistance active par thème</h2>');
    expect(fr).toContain('<td>Magistrature et tribunaux</td>');
  });

  it('refuses a language it does not print in, naming the parameter, and prints nothing', async () => {
    const res = await brief('format=html&lang=de');
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].field).toBe('querystring.lang');
  });
});
