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

  it('labels, orders and counts every view in Spanish: matrix, gaps, timeline, map and both briefs', async () => {
    const { page } = await b.newPage();
    await page.addInitScript(() => localStorage.setItem('tacit.lang', 'es'));
    const spanish = new Intl.Collator('es', { sensitivity: 'base' });
    const countries = [
      'Belice',
      'Colombia',
      'Costa Rica',
      'El Salvador',
      'Guatemala',
      'Honduras',
      'México',
      'Nicaragua',
      'Panamá',
      'Perú',
      'República Dominicana',
    ];
    const texts = async (selector: string) =>
      (await page.locator(selector).allTextContents()).map((x) => x.trim());

    await page.goto('/coordination?view=matrix');
    const matrix = page.getByRole('table', { name: 'Proyectos por organización y país' });
    await matrix.waitFor();
    expect(await texts('.heat-table thead th')).toEqual(['Organización', ...countries]);
    const organisations = await texts('.heat-table tbody th');
    expect(organisations.length).toBe(22);
    expect(organisations).toEqual([...organisations].sort(spanish.compare));
    const usaid = matrix.getByRole('row', { name: /U\.S\. Agency for International Development/ });
    expect((await usaid.locator('td').allTextContents()).map((x) => x.trim())).toEqual(
      countries.map((c) => (c === 'México' ? '12' : '')),
    );
    expect(await texts('.legend li')).toEqual(['1–3', '4–6', '7–9', '10–12']);

    // Nothing in the demo registry runs today: every theme of every country is a gap, marked so.
    await page.getByRole('link', { name: 'Brechas' }).click();
    const gaps = page.getByRole('table', { name: 'Proyectos activos por tema y país; 0 es un vacío' });
    await gaps.waitFor();
    expect(await texts('.heat-table thead th')).toEqual(['Tema', ...countries]);
    const cells = await texts('.heat-table tbody td');
    expect(cells.length).toBeGreaterThan(countries.length * 10);
    expect(new Set(cells)).toEqual(new Set(['0 vacío']));
    expect(await texts('.legend li')).toContain('0: vacío');

    // One chart for every country, each named once though a regional project covers eight.
    await page.getByRole('link', { name: 'Cronograma' }).click();
    await page.getByRole('img', { name: `Cronograma de proyectos en ${countries.join(', ')}` }).waitFor();

    await page.getByRole('link', { name: 'Mapa' }).click();
    const list = page.getByRole('navigation', { name: 'Países en el mapa' });
    await list.waitFor();
    expect(await list.getByRole('link').allTextContents()).toEqual(countries);
    expect(await list.locator('li').filter({ hasText: 'México' }).textContent()).toMatch(/12 proyectos · —/);
    expect(await list.locator('li').filter({ hasText: 'Perú' }).textContent()).toMatch(
      /1 proyecto · 1\.755\.725/,
    );
    await list.getByRole('link', { name: 'Perú' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/countries\/PE$/);
    await page.getByRole('heading', { level: 1, name: 'Ficha de país: Perú' }).waitFor();
    await page.getByText('No hay proyectos activos que usted pueda ver.').waitFor();
    const print = page.getByRole('link', { name: 'Imprimir' });
    expect(await print.getAttribute('href')).toBe(
      '/api/v1/countries/PE/brief?format=html&currency=USD&lang=es',
    );
    await screenshot(page, 'country-brief-es');
    const printable = await (await page.request.get((await print.getAttribute('href')) as string)).text();
    expect(printable).toContain('<html lang="es">');
    expect(printable).toContain('<h1>Perú</h1>');
  });

  it('labels, orders and counts every view and both briefs in French', async () => {
    const { page } = await b.newPage();
    await page.addInitScript(() => localStorage.setItem('tacit.lang', 'fr'));
    const french = new Intl.Collator('fr', { sensitivity: 'base' });
    const texts = async (selector: string) =>
      (await page.locator(selector).allTextContents()).map((x) => x.trim());

    await page.goto('/coordination?view=matrix');
    await page.getByRole('table', { name: 'Projets par organisation et pays' }).waitFor();
    const [corner, ...countries] = await texts('.heat-table thead th');
    expect(corner).toBe('Organisation');
    expect(countries).toHaveLength(11);
    expect(countries).toContain('Mexique');
    expect(countries).toContain('Pérou');
    expect(countries).toEqual([...countries].sort(french.compare));
    const organisations = await texts('.heat-table tbody th');
    expect(organisations).toEqual([...organisations].sort(french.compare));

    await page.getByRole('link', { name: 'Lacunes' }).click();
    await page
      .getByRole('table', { name: /Projets actifs par thème et pays\s?; 0 est une lacune/ })
      .waitFor();
    expect(new Set(await texts('.heat-table tbody td'))).toEqual(new Set(['0 lacune']));

    await page.getByRole('link', { name: 'Calendrier' }).click();
    await page.getByRole('img', { name: `Calendrier des projets en/au ${countries.join(', ')}` }).waitFor();

    await page.getByRole('link', { name: 'Carte' }).click();
    const list = page.getByRole('navigation', { name: 'Pays sur la carte' });
    await list.waitFor();
    expect(await list.getByRole('link').allTextContents()).toEqual(countries);
    expect(await list.locator('li').filter({ hasText: 'Mexique' }).textContent()).toMatch(/12 projets · —/);
    expect(await list.locator('li').filter({ hasText: 'Pérou' }).textContent()).toMatch(
      /1 projet · 1\s755\s725/u,
    );
    await list.getByRole('link', { name: 'Mexique' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/countries\/MX$/);
    await page.getByRole('heading', { level: 1, name: /Fiche pays\s?:\sMexique/u }).waitFor();
    await page.getByText('Aucun projet actif que vous puissiez voir.').waitFor();
    const print = page.getByRole('link', { name: 'Imprimer' });
    expect(await print.getAttribute('href')).toBe(
      '/api/v1/countries/MX/brief?format=html&currency=USD&lang=fr',
    );
    await screenshot(page, 'country-brief-fr');
    const printable = await (await page.request.get((await print.getAttribute('href')) as string)).text();
    expect(printable).toContain('<html lang="fr">');
    expect(printable).toContain('<h1>Mexique</h1>');
  });
});
