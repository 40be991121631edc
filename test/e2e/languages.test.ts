// Every interface word in the reader's language: the main pages opened in Spanish and French over
// the demo registry, and no heading, label, button, badge, chip, term or option among them showing
// an English interface message or vocabulary name that has a translation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { es } from '../../web/src/i18n/es.ts';
import { fr } from '../../web/src/i18n/fr.ts';
import { REGION_NAMES, RISK_NAMES } from '../../web/src/i18n/vocabulary.ts';
import { type BrowserApp, screenshot, startBrowserApp } from './browser.ts';

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
  return words;
}

let b: BrowserApp;
let paths: string[];
beforeAll(async () => {
  b = await startBrowserApp();
  const projects = await b.app.request('GET', '/api/v1/projects?limit=200');
  const regional = projects.body.items.find((p: { regions: unknown[] }) => p.regions.length > 0);
  const owner = projects.body.items[0].owner_org.id;
  paths = [
    '/',
    '/projects',
    `/projects/${regional.id}`,
    '/search?q=corruption',
    '/recommendations',
    '/lessons',
    `/organisations/${owner}/quality`,
  ];
});
afterAll(async () => {
  await b?.close();
});

describe('the interface in Spanish and French', () => {
  for (const lang of ['es', 'fr'] as const) {
    it(`shows no English interface word on the main pages in ${lang}`, async () => {
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
