// The instruments library in a real browser: the five built-in instruments, one opened with its
// numbered questions, and the same instrument in Spanish and French.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setNetworkAdmin } from '../../src/access/network-admin.repository.ts';
import { buildOrgWithEditor } from '../support/factories.ts';
import { DOCUMENTS_DIR } from '../support/fixtures.ts';
import { uploadFile } from '../support/test-app.ts';
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

describe('a checklist in a confirmed document becomes a draft instrument', () => {
  let reopen: () => Promise<Page>;

  it('offers the background note’s lists to a network administrator, who drafts one and publishes it', async () => {
    const { editor } = await buildOrgWithEditor(b.app.db);
    await setNetworkAdmin(b.app.db, editor.email, true);
    const note = fs.readFileSync(path.join(DOCUMENTS_DIR, 'background-note-ta-effectiveness.txt'));
    const uploaded = await uploadFile(b.app, 'background-note.txt', note, { token: editor.token });
    expect(uploaded.status).toBe(201);
    const { page } = await b.newPage();
    reopen = async () => {
      await page.goto(`/documents/${uploaded.body.id}/review`);
      return page;
    };
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(editor.email);
    await page.getByLabel('Password').fill(editor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`/documents/${uploaded.body.id}/review`);
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    const offers = page.getByRole('region', { name: 'Checklists in this document' });
    const heuni = offers.getByRole('listitem').filter({ hasText: 'HEUNI checklist' });
    await heuni.getByText('14 items').waitFor();
    expect(await offers.getByRole('listitem').count()).toBe(2);
    await heuni.getByLabel('Key (optional; from the name otherwise)').fill('heuni-from-the-note');
    await heuni.getByRole('button', { name: 'Create a draft instrument' }).click();
    await heuni.getByRole('link', { name: 'heuni-from-the-note' }).click();
    await page.getByRole('heading', { level: 1, name: 'HEUNI checklist' }).waitFor();
    const draftNote = page.getByRole('note');
    await draftNote.getByText('A draft drawn from a document').waitFor();
    expect(await page.locator('ol.plain-list > li').count()).toBe(14);
    await screenshot(page, 'instrument-draft-from-note');
    await draftNote.getByRole('button', { name: 'Publish to the library' }).click();
    await draftNote.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'All instruments' }).click();
    await page.getByRole('link', { name: 'HEUNI checklist', exact: true }).waitFor();
  });

  it('shows the offers again when the document page is reopened, each list linked to its draft', async () => {
    const page = await reopen();
    const offers = page.getByRole('region', { name: 'Checklists in this document' });
    const heuni = offers.getByRole('listitem').filter({ hasText: 'HEUNI checklist' });
    await heuni.getByRole('link', { name: 'heuni-from-the-note' }).waitFor();
    expect(await heuni.getByRole('button', { name: 'Create a draft instrument' }).count()).toBe(0);
    const principles = offers.getByRole('listitem').filter({ hasText: '9 items' });
    await principles.getByRole('button', { name: 'Create a draft instrument' }).waitFor();
    expect(await offers.getByRole('listitem').count()).toBe(2);
    await screenshot(page, 'document-reopened-instrument-offers');
  });
});
