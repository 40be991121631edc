// Recommendations followed through in the browser: the register's filters kept in the URL, progress
// recorded by the organisation responsible for a key action, the two ratings each given by its own
// organisation with their disagreement shown, the implementation rate chart, the criteria portfolio
// and the findings edited on the project page, in Spanish and French as well as English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { buildMember, type TestMember } from '../support/factories.ts';
import { type BrowserApp, screenshot, signIn, startBrowserApp } from './browser.ts';

let b: BrowserApp;
let fco: TestMember;
let unodcId: string;
let projectId: string;
let recommendationId: string;
let evaluationId: string;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const api = async (method: string, path: string, who: TestMember, body?: unknown) => {
  const res = await b.app.request(method, `/api/v1${path}`, { token: who.token, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
};

beforeAll(async () => {
  b = await startBrowserApp();
  const orgOf = async (email: string) =>
    (
      await b.app.db.query<{ id: string }>(
        sql`SELECT m.org_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ${email}`,
      )
    )[0]!.id;
  fco = await buildMember(b.app.db, await orgOf('fco@tacit.demo'));
  unodcId = await orgOf('unodc@tacit.demo');
  // A theme no demo project has, so that the register and the criteria show these records only.
  projectId = (
    await api('POST', '/projects', fco, {
      title: 'Prison registry reform',
      visibility: 'network',
      themes: ['prisons'],
    })
  ).id;
  const recommendation = await api('POST', '/recommendations', fco, {
    project_id: projectId,
    visibility: 'network',
    text: 'Involve the prison judges in the registry reform',
    issued_on: inDays(-60),
    key_actions: [{ text: 'Hold a workshop with the prison judges', owner: 'UNODC', due_on: inDays(30) }],
  });
  recommendationId = recommendation.id;
  expect(recommendation.responsible_org_ids).toEqual([unodcId]);
  await api('POST', '/recommendations', fco, {
    project_id: projectId,
    visibility: 'network',
    text: 'Publish the registry statistics every quarter',
    issued_on: inDays(-60),
    key_actions: [{ text: 'Agree the indicators', due_on: inDays(90) }],
  });
  await api('POST', '/recommendations', fco, {
    visibility: 'network',
    text: 'Coordinate with the other donors',
    issued_on: inDays(-60),
  });
  evaluationId = (
    await api('POST', '/evaluations', fco, {
      project_id: projectId,
      visibility: 'network',
      title: 'Final evaluation of the prison registry reform',
      findings: [
        {
          criterion: 'sustainability',
          text: 'No budget for the registry after the project',
          rating: 'unsatisfactory',
        },
        { criterion: 'relevance', text: 'Asked for by the prison service', rating: 'satisfactory' },
      ],
    })
  ).id;
});
afterAll(async () => {
  await b?.close();
});

describe('follow-through in the browser', () => {
  it('keeps the register’s filters in the URL and lets the responsible organisation record progress and rate it', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'unodc@tacit.demo');
    await page.goto('/recommendations?theme=prisons&status=open');
    const card = page.locator(`#rec-${recommendationId}`);
    await card.waitFor();
    // The theme names arrive with the reference data; the choice from the URL shows once they do.
    await expect.poll(() => page.getByLabel(/^Theme/).inputValue()).toBe('prisons');
    expect(await page.getByLabel(/^Status/).inputValue()).toBe('open');
    expect(await page.locator('.rec-list > li').count()).toBe(2);
    expect(await page.getByText('Coordinate with the other donors').count()).toBe(0);
    // UNODC is responsible for the key action, not the owner: it rates its own side only.
    expect(await card.locator('.rating-side[data-kind="validation"] form').count()).toBe(0);

    await card.locator('summary', { hasText: 'Record progress' }).click();
    await card.getByLabel('Where it stands now').selectOption('completed');
    await card.getByLabel('What was done').fill('Twelve prison judges attended the workshop in Lima');
    await card.getByLabel('Evidence (link)').fill('https://example.org/workshop-minutes.pdf');
    await card.getByRole('button', { name: 'Record progress' }).click();
    const history = card.getByRole('list', { name: 'Progress on key actions' });
    await history.getByText(/Twelve prison judges attended the workshop in Lima/).waitFor();
    expect(await history.getByRole('link', { name: 'evidence' }).getAttribute('href')).toBe(
      'https://example.org/workshop-minutes.pdf',
    );
    expect(await history.textContent()).toMatch(/#1 not started → completed/);
    // A completed action takes no more progress.
    expect(await card.getByRole('button', { name: 'Record progress' }).count()).toBe(0);

    const own = card.locator('.rating-side[data-kind="self"] form');
    await own.getByLabel(/^Rating/).selectOption('complete');
    await own.getByLabel('Why this rating').fill('The workshop was held');
    await own.getByRole('button', { name: 'Record rating' }).click();
    await card.locator('.rating-side[data-kind="self"] strong', { hasText: /^complete$/ }).waitFor();
    expect(page.url()).toMatch(/theme=prisons&status=open/);

    const stored = await api('GET', `/recommendations/${recommendationId}`, fco);
    expect(stored.key_actions[0].status).toBe('completed');
    expect(
      stored.progress.map((p: { org: { id: string }; comment: string }) => [p.org.id, p.comment]),
    ).toEqual([[unodcId, 'Twelve prison judges attended the workshop in Lima']]);
    expect(stored.self_rating).toMatchObject({ rating: 'complete', org: { id: unodcId } });
    await screenshot(page, 'register-progress');
  });

  it('lets the owner validate in Spanish, marks the disagreement, and charts the implementation rate', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'fco@tacit.demo');
    await page.goto('/recommendations?theme=prisons');
    await page.getByLabel('Language').selectOption('es');
    const card = page.locator(`#rec-${recommendationId}`);
    await card.getByRole('heading', { name: 'Validación del propietario' }).waitFor();
    // The owner is not responsible for the key action: no progress form, no self-rating form.
    expect(await card.getByText('Registrar avance').count()).toBe(0);
    expect(await card.locator('.rating-side[data-kind="self"] form').count()).toBe(0);
    const validation = card.locator('.rating-side[data-kind="validation"] form');
    await validation.getByLabel(/^Calificación/).selectOption('moderate');
    await validation.getByRole('button', { name: 'Registrar calificación' }).click();
    await card
      .getByText(
        'Las dos calificaciones no coinciden: completa según la organización responsable, moderada según el propietario.',
      )
      .waitFor();
    expect(await card.locator('.ratings-side.disagree').count()).toBe(1);

    const rate = page.getByRole('region', { name: 'Tasa de aplicación' });
    const row = rate.getByRole('row', { name: /Foreign and Commonwealth Office/ });
    await row.waitFor();
    expect((await row.getByRole('cell').allInnerTexts()).slice(1)).toEqual(['2', '1 (50 %)', '1 (50 %)']);
    expect(await rate.getByRole('link', { name: 'Exportar CSV' }).getAttribute('href')).toBe(
      '/api/v1/recommendations/implementation-rate?theme=prisons&by=organisation&format=csv',
    );
    await rate.getByLabel('Agrupar por').selectOption('year');
    await page.waitForURL(/rate_by=year/);
    await rate.getByRole('row', { name: new RegExp(inDays(-60).slice(0, 4)) }).waitFor();
    await screenshot(page, 'register-ratings-rate');
  });

  it('edits a finding’s rating on the project page and shows the criteria portfolio in French', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'fco@tacit.demo');
    await page.goto(`/projects/${projectId}`);
    await page.getByText('Final evaluation of the prison registry reform').click();
    await page.getByText('Edit findings and ratings').click();
    const second = page.getByRole('group', { name: 'Finding 2' });
    await second.getByLabel('Rating on the six-point scale').selectOption('moderately unsatisfactory');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.badge', { hasText: 'moderately unsatisfactory' }).waitFor();
    const stored = await api('GET', `/evaluations/${evaluationId}`, fco);
    expect(stored.findings.map((f: { rating: string }) => f.rating)).toEqual([
      'unsatisfactory',
      'moderately unsatisfactory',
    ]);

    await page.goto('/criteria?by=theme&group=prisons');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Critères d’évaluation dans le portefeuille' }).waitFor();
    await expect.poll(() => page.getByLabel(/^Thème/).inputValue()).toBe('prisons');
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(
      await rows.evaluateAll((trs) =>
        trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (td) => td.textContent)),
      ),
    ).toEqual([
      ['Pertinence', '1', '1', '1', '100 %'],
      ['Durabilité', '1', '1', '1', '100 %'],
    ]);
    expect(await page.getByRole('link', { name: 'Exporter en CSV' }).getAttribute('href')).toBe(
      '/api/v1/evaluations/criteria?by=theme&format=csv',
    );
    await screenshot(page, 'criteria-portfolio');
  });
});
