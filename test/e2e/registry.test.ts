// The public registry and sign-in in a real browser: dashboard with its map, project list with
// filters in the URL, a project page with its score history, and the Spanish and French
// interfaces, whose main pages show no English interface word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { es } from '../../web/src/i18n/es.ts';
import { fr } from '../../web/src/i18n/fr.ts';
import { REGION_NAMES, RISK_NAMES } from '../../web/src/i18n/vocabulary.ts';
import { type BrowserApp, screenshot, signIn, startBrowserApp } from './browser.ts';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(async () => {
  await b?.close();
});

describe('the public registry in the browser', () => {
  it('shows the dashboard with the world map, themes and donors to an anonymous visitor', async () => {
    const { page } = await b.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: /Technical assistance/ }).waitFor();
    await page.getByRole('img', { name: /World map of projects by country: .*Mexico/ }).waitFor();
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
    await screenshot(page, 'home-anonymous');
  });

  it('signs in, shows the organisation and its recommendations, and signs out', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'unodc@tacit.demo');
    expect(await page.locator('.who').textContent()).toMatch(/UNODC/);
    await page.getByText(/\d+ open, \d+ overdue\./).waitFor();
    await screenshot(page, 'home-signed-in');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
  });

  it('says why a sign-in failed', async () => {
    const { page } = await b.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill('fco@tacit.demo');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/password|credentials|e-mail|email/i);
    await screenshot(page, 'sign-in-error');
  });

  it('filters projects with the filters kept in the URL and opens a project with its score history', async () => {
    const { page } = await b.newPage();
    await page.goto('/projects');
    await page.getByLabel('Country').selectOption('PE');
    await page.waitForURL(/country=PE/);
    await page.getByRole('link', { name: /Peru\/Colombia Serious and Organised Crime/ }).click();
    await page.getByRole('heading', { name: 'Score history' }).waitFor();
    await page.getByRole('img', { name: /Score history chart: .*2015\/16 A\/B.*2016\/17 A/ }).waitFor();
    await page.getByRole('cell', { name: 'Crown Prosecution Service' }).waitFor();
    await page.getByText(/£2,300,000/).waitFor();
    await screenshot(page, 'project-page');
  });

  it("opens a country's brief from a project's country chip", async () => {
    const { page } = await b.newPage();
    await page.goto('/projects?country=PE');
    await page.getByRole('link', { name: /Peru\/Colombia Serious and Organised Crime/ }).click();
    await page.locator('.chips').getByRole('link', { name: 'Peru' }).click();
    await page.getByRole('heading', { level: 1, name: 'Country brief: Peru' }).waitFor();
    // The programme has closed, so Peru has no active project, but its review's three
    // recommendations on Peru are still open.
    await page.getByText('No active projects that you may see.').waitFor();
    const recommendations = page.getByRole('region', { name: 'Open recommendations' });
    await recommendations
      .getByRole('link', { name: /Peru\/Colombia Serious and Organised Crime/ })
      .first()
      .waitFor();
    expect(await recommendations.getByRole('listitem').count()).toBe(3);
    await screenshot(page, 'country-brief-peru');
  });

  it('switches the interface to Spanish and remembers it', async () => {
    const { page } = await b.newPage();
    await page.goto('/');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: /Asistencia técnica/ }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Proyectos', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.goto('/projects?country=MX');
    await page.getByRole('option', { name: 'México' }).waitFor({ state: 'attached' });
    expect(await page.getByLabel('País').inputValue()).toBe('MX');
    await screenshot(page, 'projects-spanish');
  });
});

/** The interface's own pieces of a page; the data's text (titles, descriptions) is shown as written. */
const CHROME = 'h1, h2, h3, th, label, button, dt, .badge, .chip, summary, legend, nav a, option';

/** English words the page must not show in `lang`: messages without parameters, statuses, regions, risks. */
function englishWords(lang: 'es' | 'fr'): Set<string> {
  const catalogue = { es, fr }[lang] as Record<string, string>;
  const words = new Set<string>();
  for (const [key, text] of Object.entries(en)) {
    if (!text.includes('{') && catalogue[key] !== text) words.add(text.trim());
  }
  for (const [name, names] of Object.entries({ ...REGION_NAMES, ...RISK_NAMES })) {
    if (names[lang] !== name) words.add(name);
  }
  for (const status of ['pipeline', 'active', 'finalisation', 'closed', 'cancelled', 'suspended'])
    words.add(status);
  // The language picker names each language in itself ("English" among "Español", "Français"), on
  // purpose: a reader who cannot read the current language must find their own.
  words.delete('English');
  return words;
}

/** The main pages, with a regional project and its owner's data quality. */
async function mainPages(): Promise<string[]> {
  const projects = await b.app.request('GET', '/api/v1/projects?limit=200');
  const regional = projects.body.items.find((p: { regions: unknown[] }) => p.regions.length > 0);
  const owner = projects.body.items[0].owner_org.id;
  return [
    '/',
    '/projects',
    `/projects/${regional.id}`,
    '/search?q=corruption',
    '/recommendations',
    '/lessons',
    `/organisations/${owner}/quality`,
  ];
}

describe('the interface in Spanish and French', () => {
  for (const lang of ['es', 'fr'] as const) {
    it(`shows no English interface word on the main pages in ${lang}`, async () => {
      const paths = await mainPages();
      const { page, context } = await b.newPage();
      await context.addInitScript((l) => localStorage.setItem('tacit.lang', l), lang);
      const english = englishWords(lang);
      const found: string[] = [];
      for (const path of paths) {
        await page.goto(path);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const texts = await page
          .locator(CHROME)
          .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
        for (const text of texts) if (english.has(text)) found.push(`${path}: "${text}"`);
      }
      await screenshot(page, `data-quality-${lang}`);
      expect(found).toEqual([]);
    });
  }
});
