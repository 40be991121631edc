// The organisation directory in a real browser: filters kept in the URL, an organisation entered
// twice found with its reason, merged after a confirmation and the merge undone, and the page in
// Spanish and French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setNetworkAdmin } from '../../src/access/network-admin.repository.ts';
import { buildOrganisation } from '../support/factories.ts';
import { type BrowserApp, screenshot, signIn, startBrowserApp } from './browser.ts';

const KEPT = 'Ministerio del Interior (Perú)';
const COPY = 'MININTER Peru';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
  await buildOrganisation(b.app.db, {
    name: KEPT,
    type: 'recipient_institution',
    country: 'PE',
    iati_ref: 'PE-RUC-20131366966',
  });
  await buildOrganisation(b.app.db, {
    name: COPY,
    type: 'recipient_institution',
    iati_ref: 'pe-ruc-20131366966',
  });
  await setNetworkAdmin(b.app.db, 'fco@tacit.demo', true);
});
afterAll(async () => {
  await b?.close();
});

describe('the organisation directory in the browser', () => {
  it('lists organisations with their type, country and IATI identifier, filtered in the URL', async () => {
    const { page } = await b.newPage();
    await page.goto('/organisations');
    await page.getByRole('heading', { level: 1, name: 'Organisation directory' }).waitFor();
    await page.getByLabel('Type').selectOption('recipient_institution');
    await page.waitForURL(/\?type=recipient_institution$/);
    // The list is fetched again after the URL changes; until it arrives the unfiltered rows stay
    // on screen, so wait for a donor to leave rather than reading the table at once.
    const table = page.getByRole('table', { name: 'Organisation directory' });
    await table
      .getByText('Foreign and Commonwealth Office')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 });
    const kept = page.getByRole('row', { name: new RegExp(KEPT.replace(/[()]/g, '\\$&')) });
    expect(await kept.getByRole('cell').allTextContents()).toEqual([
      'recipient institution',
      'Peru',
      '—',
      '—',
      'PE-RUC-20131366966',
    ]);
    expect(await table.getByText('Foreign and Commonwealth Office').count()).toBe(0);
    expect(await table.getByText(KEPT).count()).toBe(1);
  });

  it('merges an organisation entered twice after a confirmation, and undoes it', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'fco@tacit.demo');
    await page.goto('/organisations');
    const pair = page.getByRole('listitem').filter({ hasText: 'same IATI ref PE-RUC-20131366966' });
    await pair.getByRole('button', { name: `Merge ${COPY} into ${KEPT}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge these organisations?' });
    await dialog.getByText(`${COPY} will leave the directory`).waitFor();
    await screenshot(page, 'organisations-merge-confirm');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('status').getByText(`${COPY} was merged into ${KEPT}.`).waitFor();
    const table = page.getByRole('table', { name: 'Organisation directory' });
    const kept = table.getByRole('row', { name: new RegExp(KEPT.replace(/[()]/g, '\\$&')) });
    await kept.getByRole('cell', { name: COPY, exact: true }).waitFor();
    expect(await table.getByRole('rowheader', { name: COPY, exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').getByText(`The merge of ${COPY} into ${KEPT} was undone.`).waitFor();
    await table.getByRole('rowheader', { name: COPY, exact: true }).waitFor();
    expect(await kept.getByRole('cell').nth(3).textContent()).toBe('—');
  });

  it('speaks Spanish and French', async () => {
    const { page } = await b.newPage();
    await page.goto('/organisations?type=recipient_institution');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Directorio de organizaciones' }).waitFor();
    await page.getByText('mismo identificador IATI PE-RUC-20131366966').waitFor();
    await page.getByRole('cell', { name: 'institución beneficiaria' }).first().waitFor();
    await page.getByLabel('Idioma').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Annuaire des organisations' }).waitFor();
    await page.getByText('même identifiant IITA PE-RUC-20131366966').waitFor();
  });
});
