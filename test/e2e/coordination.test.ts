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

  it('opens the country brief of Mexico from the Coordination page, with its donor, themes and print link', async () => {
    const { page } = await b.newPage();
    await page.goto('/coordination?country=MX');
    await page.getByRole('link', { name: 'Country brief for Mexico' }).click();
    await page.waitForURL(/\/countries\/MX$/);
    await page.getByRole('heading', { level: 1, name: 'Country brief: Mexico' }).waitFor();
    // The twelve public USAID activities in the demo registry, five of them on the judiciary.
    await page.getByText(/^12$/).first().waitFor();
    const byDonor = page.getByRole('region', { name: 'Active assistance by donor' });
    await byDonor.getByRole('cell', { name: 'U.S. Agency for International Development' }).waitFor();
    expect(await byDonor.getByRole('row').nth(1).textContent()).toMatch(
      /^U\.S\. Agency for International Development12/,
    );
    await page.getByRole('img', { name: /by theme: .*Judiciary and courts 5/ }).waitFor();
    await page
      .getByRole('region', { name: 'Gaps' })
      .getByText('Prisons and non-custodial measures: none')
      .waitFor();
    const print = page.getByRole('link', { name: 'Print' });
    expect(await print.getAttribute('href')).toBe('/api/v1/countries/MX/brief?format=html&currency=USD');
    await screenshot(page, 'country-brief');
    const printable = await page.request.get((await print.getAttribute('href')) as string);
    expect(await printable.text()).toContain('<h1>Mexico</h1>');
  });
});
