// Work people do in the browser: search with facets kept in the URL, answer a recommendation as the
// responsible organisation, contribute the annual review PDF (seeing who else works there before
// confirming its extraction), and administer an organisation and its sharing defaults.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTS_DIR } from '../support/fixtures.ts';
import { type BrowserApp, screenshot, signIn, startBrowserApp } from './browser.ts';

const ANNUAL_REVIEW_PDF = path.join(DOCUMENTS_DIR, 'formats', 'annual-review-peru-colombia-soc.pdf');
// A DFID review sheet from the field corpus: a flattened form, not the fixture's layout.
const DFID_SHEET = path.join(DOCUMENTS_DIR, 'field', '04-annual_review-dfid-cdgp-nigeria-2018.txt');

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(async () => {
  await b?.close();
});

describe('workflows in the browser', () => {
  it('searches, narrows by a facet kept in the URL, and shows highlighted snippets', async () => {
    const { page } = await b.newPage();
    await page.goto('/search');
    await page.getByRole('searchbox', { name: 'Search' }).fill('corruption');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=corruption/);
    await page.getByText(/^\d+ results$/).waitFor();
    // The box is checked from the URL once the router has navigated, so click, then wait for both:
    // `check()` would demand the new state before the navigation lands.
    const peru = page.getByRole('group', { name: 'Country' }).getByLabel(/Peru/);
    await peru.click();
    await page.waitForURL(/country=PE/);
    await expect.poll(() => peru.isChecked()).toBe(true);
    await page.locator('.snippet mark').first().waitFor();
    const shared = page.url();
    const { page: other } = await b.newPage();
    await other.goto(shared);
    expect(await other.getByRole('group', { name: 'Country' }).getByLabel(/Peru/).isChecked()).toBe(true);
    await screenshot(page, 'search-facets');
  });

  it('lets the responsible organisation answer a recommendation, and shows it overdue', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'unodc@tacit.demo');
    await page.goto('/recommendations?mine=1');
    const first = page.locator('.rec-list > li').first();
    await first.getByText('Answer').click();
    await first.getByLabel('Management response').selectOption('accepted');
    await first
      .getByLabel('Response', { exact: true })
      .fill('We will convene the prosecutors network in the next quarter.');
    await first.getByRole('button', { name: 'Add a key action' }).click();
    await first.getByLabel('Action', { exact: true }).fill('Convene the network of specialised prosecutors');
    await first.getByLabel('Owner').fill('UNODC ROPAN');
    await first.getByLabel('Due on').fill('2020-01-31');
    await first.getByRole('button', { name: 'Save' }).click();
    await page.getByText('We will convene the prosecutors network in the next quarter.').first().waitFor();
    await page.getByText(/1 overdue/).waitFor();
    await page
      .locator('.rec-list > li.overdue')
      .first()
      .getByText('Convene the network of specialised prosecutors')
      .waitFor();
    await screenshot(page, 'recommendation-answered');
  });

  it('uploads the annual review PDF, shows each value at its source, and confirms the extraction', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'fco@tacit.demo');
    await page.goto('/contribute');
    await page.getByLabel('Choose files').setInputFiles(ANNUAL_REVIEW_PDF);
    await page.getByRole('link', { name: 'Check and confirm' }).click();
    const title = page.getByLabel(/^Title/);
    await title.waitFor();
    expect(await title.inputValue()).toMatch(/Peru\/Colombia Serious and Organised Crime/);
    await page.getByRole('button', { name: 'Show where this came from' }).first().click();
    expect(await page.locator('.doc-text mark.active').textContent()).toMatch(/Peru\/Colombia/);
    await page.getByLabel(/^Risk/).focus();
    expect(await page.locator('.doc-text mark.active').textContent()).toMatch(/Medium/);
    const whoElse = page.getByRole('region', { name: 'Who else works here' });
    await whoElse.getByText('likely the same project').first().waitFor();
    expect(await whoElse.getByRole('link').first().textContent()).toMatch(
      /Peru\/Colombia Serious and Organised Crime/,
    );
    await screenshot(page, 'contribute-review');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Confirmed. The records were saved.').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Open the project' }).click();
    await page.getByRole('heading', { name: 'Score history' }).waitFor();
    await screenshot(page, 'contribute-confirmed-project');
  });

  it('checks an annual review laid out unlike the fixture: themes shown, who-else not failing, the stored record on reopening', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'fco@tacit.demo');
    await page.goto('/contribute');
    await page.getByLabel('Choose files').setInputFiles(DFID_SHEET);
    await page.getByRole('link', { name: 'Check and confirm' }).click();
    const title = page.getByLabel(/^Title/);
    await title.waitFor();
    // Every theme is shown for checking before it is saved; untick the one that does not apply.
    const themes = page.getByRole('group', { name: /^Themes/ }).getByRole('checkbox');
    expect(await themes.count()).toBeGreaterThan(0);
    for (const box of await themes.all()) await box.uncheck();
    // The draft names partners the registry does not know: who-else still answers, with no error.
    const whoElse = page.getByRole('region', { name: 'Who else works here' });
    // Wait for its answer (projects, "none", or an error), then it must not be an error.
    const answered = whoElse.locator('ol.who-else > li, p.muted, [role="alert"]');
    await answered.first().waitFor();
    expect(await whoElse.getByRole('alert').count()).toBe(0);
    await title.fill('Child Development Grant Programme, northern Nigeria');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Confirmed. The records were saved.').waitFor({ timeout: 30_000 });
    // Reopened, the page shows what was stored, and cannot confirm again.
    await page.reload();
    await title.waitFor();
    expect(await title.inputValue()).toBe('Child Development Grant Programme, northern Nigeria');
    expect(await page.getByRole('group', { name: /^Themes/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(true);
  });

  it('offers the closest registered organisation, keeps corrected scores and recommendations, and shows them on reopening', async () => {
    // Written for this test: a progress report laid out as a short form, not like the fixture, naming
    // a registered organisation in another spelling ("Center", no "the").
    const report = [
      'PROGRESS REPORT 2019',
      '',
      'Programme title: Safer Ports Through Customs Cooperation',
      'Country: Ecuador',
      'Total budget: USD 1,200,000',
      'Implementing partners: International Center for Prevention of Crime',
      '',
      'Outcome score: A',
      'Risk rating: Medium',
      '',
      'Recommendations',
      '1. The customs service should fund the risk unit from its own budget from 2020.',
      '2. Container profiling should be extended to the land border crossings.',
    ].join('\n');
    const { page } = await b.newPage();
    await signIn(page, 'fco@tacit.demo');
    await page.goto('/contribute');
    await page
      .getByLabel('Choose files')
      .setInputFiles({ name: 'safer-ports.txt', mimeType: 'text/plain', buffer: Buffer.from(report) });
    await page.getByRole('link', { name: 'Check and confirm' }).click();
    const title = page.getByLabel(/^Title/);
    await title.waitFor();
    expect(await title.inputValue()).toBe('Safer Ports Through Customs Cooperation');
    // The registered organisation is offered first and chosen; registering a new one is not.
    const decision = page.locator('.org-decision', {
      hasText: 'International Center for Prevention of Crime',
    });
    const select = decision.getByLabel('Organisation');
    const first = await select.locator('option').first().textContent();
    expect(first).toContain('International Centre for the Prevention of Crime');
    expect(await select.locator('option:checked').textContent()).toBe(first);
    // Outcome score, risk and recommendations are shown and corrected before confirming.
    const outcome = page.getByRole('textbox', { name: 'Outcome score', exact: true });
    expect(await outcome.inputValue()).toBe('A');
    await outcome.fill('B');
    expect(await page.getByLabel(/^Risk/).first().inputValue()).toBe('Medium');
    const second = page.getByRole('textbox', { name: /^Recommendations 2(?!\d)/ });
    await second.fill('Profile containers at the land border crossings too.');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Confirmed. The records were saved.').waitFor({ timeout: 30_000 });
    // Reopened, the page shows what was stored.
    await page.reload();
    await title.waitFor();
    expect(await page.getByRole('textbox', { name: 'Outcome score', exact: true }).inputValue()).toBe('B');
    expect(await page.getByRole('textbox', { name: /^Recommendations 2(?!\d)/ }).inputValue()).toBe(
      'Profile containers at the land border crossings too.',
    );
    expect(await page.getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(true);
    await screenshot(page, 'contribute-unfamiliar-review-reopened');
  });

  it('lets an administrator invite a member, create an API token and read the audit log', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'fco@tacit.demo');
    await page.goto('/admin');
    const members = page.getByRole('region', { name: 'Members' });
    await members.getByRole('cell', { name: 'fco@tacit.demo' }).waitFor();
    await members.getByLabel('E-mail').fill('analyst@fco.example');
    await members.getByRole('button', { name: 'Invite' }).click();
    await page
      .getByText(/analyst@fco\.example was added\. Send them this one-time invitation token/)
      .waitFor();
    const tokens = page.getByRole('region', { name: 'API tokens' });
    await tokens.getByLabel('Token name').fill('Monthly Excel refresh');
    await tokens.getByRole('button', { name: 'Create a token' }).click();
    await page.getByText(/Copy this secret now/).waitFor();
    await tokens.getByRole('cell', { name: 'Monthly Excel refresh' }).waitFor();
    await page.getByRole('region', { name: 'Audit log' }).getByRole('row').nth(1).waitFor();
    await screenshot(page, 'organisation-admin');
  });

  it("lets an administrator change the organisation's sharing defaults, which new uploads then take", async () => {
    const { page } = await b.newPage();
    await signIn(page, 'unodc@tacit.demo');
    await page.goto('/admin');
    const defaults = page.getByRole('region', { name: 'Sharing defaults' });
    const records = defaults.getByLabel('New projects and records');
    const documents = defaults.getByLabel('New uploaded documents');
    // The demo's publishers share their records publicly; documents start owner-only.
    await expect.poll(() => records.inputValue()).toBe('public');
    expect(await documents.inputValue()).toBe('owner');
    await documents.selectOption('network');
    await defaults.getByRole('button', { name: 'Save sharing defaults' }).click();
    await defaults.getByText('Sharing defaults saved: new records public, new documents network.').waitFor();
    await page.reload();
    await expect.poll(() => documents.inputValue()).toBe('network');
    expect(await records.inputValue()).toBe('public');
    await screenshot(page, 'sharing-defaults');
    await page.goto('/contribute');
    await expect.poll(() => page.getByLabel('Visibility').inputValue()).toBe('network');
  });
});
