// Coordination views in the browser: the 3W matrix as a heat map and its CSV export, gaps,
// timeline and map, and the country brief.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, screenshot, startBrowserApp } from './browser.ts';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(async () => {
  await b?.close();
});

describe('coordination in the browser', () => {
  it('draws the 3W matrix and exports it to CSV', async () => {
    const { page } = await b.newPage();
    await page.goto('/coordination?view=matrix');
    await page.getByRole('img', { name: 'Heat map of projects per organisation and country' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toMatch(/Mexico|MX/);
    await screenshot(page, 'coordination-matrix');
  });

  it('shows the gaps, the timeline per country and the map', async () => {
    const { page } = await b.newPage();
    await page.goto('/coordination?view=gaps&country=PE');
    await page.getByRole('img', { name: /Heat map of active projects per country and theme/ }).waitFor();
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.getByRole('img', { name: /Timeline of projects in Peru/ }).waitFor();
    await screenshot(page, 'coordination-timeline');
    await page.getByRole('link', { name: 'Map' }).click();
    await page.getByRole('img', { name: /World map of projects by country: .*Peru/ }).waitFor();
  });

  it('opens the country brief of Mexico from the Coordination page: nothing active any more, every theme a gap, a print link', async () => {
    const { page } = await b.newPage();
    await page.goto('/coordination?country=MX');
    await page.getByRole('link', { name: 'Country brief for Mexico' }).click();
    await page.waitForURL(/\/countries\/MX$/);
    await page.getByRole('heading', { level: 1, name: 'Country brief: Mexico' }).waitFor();
    // The twelve USAID activities in the demo registry are in finalisation and ended between 2013
    // and 2025: none is active, so no budget is shown as a figure and the judiciary is a gap.
    await page.getByText('No active projects that you may see.').waitFor();
    const stats = page.getByRole('list', { name: 'Country brief: Mexico' });
    expect(await stats.textContent()).toMatch(/^0\s*active projects\s*0\s*donors\s*—\s*Budget/);
    const gaps = page.getByRole('region', { name: 'Gaps' });
    await gaps.getByText('Judiciary and courts: none').waitFor();
    await gaps.getByText('Prisons and non-custodial measures: none').waitFor();
    const print = page.getByRole('link', { name: 'Print' });
    expect(await print.getAttribute('href')).toBe(
      '/api/v1/countries/MX/brief?format=html&currency=USD&lang=en',
    );
    await screenshot(page, 'country-brief');
    const printable = await page.request.get((await print.getAttribute('href')) as string);
    expect(await printable.text()).toContain('<h1>Mexico</h1>');
  });
});
