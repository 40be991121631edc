// The instruments library in a real browser: the five built-in instruments, one opened with its
// numbered questions, and the same instrument in Spanish and French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, screenshot, startBrowserApp } from './browser.ts';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(async () => {
  await b?.close();
});

describe('the instruments library in the browser', () => {
  it('lists the built-in instruments and opens the HEUNI checklist with its 14 points', async () => {
    const { page } = await b.newPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instruments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assessment instruments' }).waitFor();
    const titles = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(titles).toEqual(
      expect.arrayContaining([
        'HEUNI checklist for international assistance',
        'Principles for revitalising technical assistance',
        'Paris Declaration partnership commitments',
        'Integrity of criminal justice institutions',
        'Criminal justice assessment clusters',
      ]),
    );
    await screenshot(page, 'instruments-library');
    await page.getByRole('link', { name: 'HEUNI checklist for international assistance' }).click();
    await page.getByRole('heading', { level: 2, name: 'Running the project' }).waitFor();
    expect(await page.locator('ol.plain-list > li').count()).toBe(14);
    expect(
      await page.getByText('14. Does the plan allow for the time that lasting change takes?').count(),
    ).toBe(1);
    await screenshot(page, 'instrument-heuni');
  });

  it('shows an instrument in Spanish and French', async () => {
    const { page } = await b.newPage();
    await page.goto('/instruments/paris-declaration');
    await page.getByRole('heading', { level: 2, name: 'Mutual accountability' }).waitFor();
    await page.getByLabel('Language').selectOption('es');
    await page
      .getByRole('heading', { level: 1, name: 'Compromisos de asociación de la Declaración de París' })
      .waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Mutua responsabilidad' }).isVisible()).toBe(
      true,
    );
    await page.getByLabel('Idioma').selectOption('fr');
    await page.getByRole('heading', { level: 2, name: 'Responsabilité mutuelle' }).waitFor();
    expect(await page.getByText('Escala').count()).toBe(0);
    await screenshot(page, 'instrument-paris-fr');
  });
});
