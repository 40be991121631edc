// Scores in the browser: the project page explains the flags a project's reviews raise, in the
// interface language, and the portfolio page counts marks per group on one scale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor } from '../support/factories.ts';
import { type BrowserApp, screenshot, startBrowserApp } from './browser.ts';

let b: BrowserApp;
let projectId: string;

beforeAll(async () => {
  b = await startBrowserApp();
  const { editor } = await buildOrgWithEditor(b.app.db);
  const post = async (path: string, body: Record<string, unknown>) =>
    (await b.app.request('POST', path, { token: editor.token, body: { visibility: 'public', ...body } })).body
      .id;
  projectId = await post('/api/v1/projects', { title: 'Prison reform programme' });
  const reviews: [string, string, string][] = [
    ['2017/18', 'B', 'Low'],
    ['2018/19', 'C', 'High'],
  ];
  for (const [period, score, risk] of reviews)
    await post('/api/v1/reviews', {
      project_id: projectId,
      period_label: period,
      period_start: `${period.slice(0, 4)}-04-01`,
      overall_score: score,
      risk_rating: risk,
    });
});
afterAll(async () => {
  await b?.close();
});

describe('score flags in the browser', () => {
  it('explains each flag on the project page, in English and Spanish', async () => {
    const { page } = await b.newPage();
    await page.goto(`/projects/${projectId}`);
    await page.getByRole('heading', { name: 'Flags from the reviews' }).waitFor();
    await page
      .getByText(
        'Two consecutive reviews scored B or worse (2017/18: B; 2018/19: C): an improvement plan is called for.',
      )
      .waitFor();
    await page.getByText('2018/19 scored the lowest mark (programme C): the project is at risk.').waitFor();
    await page
      .getByText('The risk rating rose two steps or more from 2017/18 to 2018/19 (Low → High).')
      .waitFor();
    await screenshot(page, 'project-score-flags');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Alertas de las revisiones' }).waitFor();
    await page
      .getByText('2018/19 obtuvo la nota más baja (programa C): el proyecto está en riesgo.')
      .waitFor();
  });

  it('shows the portfolio of marks per donor on one scale, with its CSV', async () => {
    const { page } = await b.newPage();
    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: 'Scores' }).click();
    const cssf = page.getByRole('row', { name: /Conflict, Stability and Security Fund/ });
    await cssf.waitFor();
    expect(await cssf.getByRole('cell').allInnerTexts()).toEqual([
      'Conflict, Stability and Security Fund',
      '2',
      '2.75',
      'A: 1 · A/B: 1',
    ]);
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      '/api/v1/scores/portfolio?by=donor&kind=programme&scale=uk_annual_review&format=csv',
    );
    await screenshot(page, 'scores-portfolio');
    await page.getByLabel('Group by').selectOption('country');
    await page.getByRole('row', { name: /Peru/ }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Notes des revues dans le portefeuille' }).waitFor();
  });
});
