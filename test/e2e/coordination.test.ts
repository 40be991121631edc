// Coordination views in the browser: the 3W matrix as a heat map and its CSV export, gaps,
// timeline and map.
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
});
