// Reminders in the browser: a member reads the organisation's digest (in French too), and the
// signed link from a digest e-mail records progress on its key action without signing in, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { dayOf, systemClock } from '../../src/reminders/clock.ts';
import { linksService } from '../../src/reminders/links.service.ts';
import { type BrowserApp, screenshot, signIn, startBrowserApp } from './browser.ts';

let b: BrowserApp;
let orgId: string;
let recommendationId: string;
let userId: string;
const inDays = (n: number) => dayOf(new Date(Date.now() + n * 86_400_000));

beforeAll(async () => {
  b = await startBrowserApp();
  const [unodc] = await b.app.db.query<{ id: string; user_id: string }>(
    sql`SELECT o.id, m.user_id FROM organisations o JOIN memberships m ON m.org_id = o.id
      JOIN users u ON u.id = m.user_id WHERE o.acronym = 'UNODC' AND u.email = 'unodc@tacit.demo'`,
  );
  orgId = unodc!.id;
  userId = unodc!.user_id;
  const [rec] = await b.app.db.query<{ id: string }>(
    sql`INSERT INTO recommendations (owner_org_id, visibility, text, key_actions) VALUES (${orgId}, 'owner',
      'Involve the judges in the regional coordination', ${JSON.stringify([
        { text: 'Invite the judges to the coordination meeting', due_on: inDays(4), status: 'not_started' },
        { text: 'Publish the referral protocol', due_on: inDays(-6), status: 'in_progress' },
      ])}::jsonb) RETURNING id`,
  );
  recommendationId = rec!.id;
});
afterAll(async () => {
  await b?.close();
});

describe('reminders in the browser', () => {
  it("shows a member the organisation's digest, in the chosen language", async () => {
    const { page } = await b.newPage();
    await signIn(page, 'unodc@tacit.demo');
    await page.getByRole('link', { name: 'Digest' }).click();
    await page.getByRole('heading', { name: 'Overdue key actions' }).waitFor();
    await page.getByText('6 days overdue').waitFor();
    expect(await page.getByText('Publish the referral protocol').count()).toBe(1);
    await page.getByText('due in 4 days').waitFor();
    expect(await page.getByLabel('Send me this digest by e-mail every day').isChecked()).toBe(true);
    await screenshot(page, 'digest');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Actions clés en retard' }).waitFor();
    await page.getByText('6 jours de retard').waitFor();
  });

  it('records progress through the signed link once, without signing in', async () => {
    const token = await linksService.issue(b.app.db, systemClock, {
      recommendationId,
      actionIndex: 0,
      actionText: 'Invite the judges to the coordination meeting',
      orgId,
      userId,
    });
    const { page } = await b.newPage();
    await page.goto(`/act#${token}`);
    await page.getByText('Invite the judges to the coordination meeting').waitFor();
    await page.getByLabel('Status').selectOption('completed');
    await page.getByLabel('What was done').fill('Twelve judges attended the meeting in Panama');
    await page.getByRole('button', { name: 'Record progress' }).click();
    await page.getByText('Progress recorded. Thank you.').waitFor();
    await screenshot(page, 'act-link');
    const [stored] = await b.app.db.query<{ status: string }>(
      sql`SELECT key_actions->0->>'status' AS status FROM recommendations WHERE id = ${recommendationId}`,
    );
    expect(stored!.status).toBe('completed');

    const { page: again } = await b.newPage();
    await again.goto(`/act#${token}`);
    await again
      .getByRole('alert')
      .getByText(/already been used/)
      .waitFor();
    expect(await again.getByRole('button', { name: 'Record progress' }).count()).toBe(0);
  });
});
