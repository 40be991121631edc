// The invitation flow in the browser: an administrator invites a new e-mail and gets a link, the invitee
// opens it, chooses a password (typed twice) and joins signed in, can sign in again later with it,
// and the same link opened again is refused with the server's reason; removing them asks first. The same admin page lists the
// organisation's deleted records and restores one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, signIn, startBrowserApp } from './browser.ts';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(async () => {
  await b?.close();
});

const INVITEE = 'newcomer@fco.example';
const PASSWORD = 'a-long-chosen-password';

describe('invitation link in the browser', () => {
  it('lets an invitee open the link, choose a password, join and sign in; a reused link is refused', async () => {
    // The administrator invites and copies the link the Members section shows.
    const admin = await b.newPage();
    await signIn(admin.page, 'fco@tacit.demo');
    await admin.page.goto('/admin');
    const members = admin.page.getByRole('region', { name: 'Members' });
    await members.getByRole('cell', { name: 'fco@tacit.demo' }).waitFor();
    await members.getByLabel('E-mail').fill(INVITEE);
    await members.getByRole('button', { name: 'Invite' }).click();
    const linkField = members.getByLabel(/Invitation link/);
    await linkField.waitFor();
    const link = new URL(await linkField.inputValue());
    expect(link.origin).toBe(b.app.baseUrl);
    expect(link.pathname).toBe('/invitation');
    expect(link.hash).toMatch(/^#token=tacit_inv_/);

    // The invitee, in their own browser, opens the link; a mistyped confirmation is caught first.
    const invitee = await b.newPage();
    await invitee.page.goto(`${link.pathname}${link.hash}`);
    await invitee.page.getByLabel('New password').fill(PASSWORD);
    await invitee.page.getByLabel('Repeat the password').fill(`${PASSWORD}x`);
    await invitee.page.getByRole('button', { name: 'Set password and join' }).click();
    await invitee.page.getByText('The two passwords differ').first().waitFor();
    expect(
      (await b.app.request('POST', '/api/v1/auth/login', { body: { email: INVITEE, password: PASSWORD } }))
        .status,
    ).toBe(401);

    await invitee.page.getByLabel('Repeat the password').fill(PASSWORD);
    await invitee.page.getByRole('button', { name: 'Set password and join' }).click();
    await invitee.page.getByText(`Welcome! You joined as ${INVITEE} and are now signed in.`).waitFor();
    await invitee.page.getByRole('button', { name: 'Sign out' }).waitFor();

    // Signed out, they sign in with the password they chose.
    await invitee.page.getByRole('button', { name: 'Sign out' }).click();
    await invitee.page.goto('/sign-in');
    await invitee.page.getByLabel('E-mail').fill(INVITEE);
    await invitee.page.getByLabel('Password').fill(PASSWORD);
    await invitee.page.getByRole('button', { name: 'Sign in' }).click();
    await invitee.page.getByRole('button', { name: 'Sign out' }).waitFor();
    const me = await invitee.page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(JSON.stringify(me)).toContain(INVITEE);

    // The administrator now sees a member with a password (the "invited" badge is gone).
    await admin.page.reload();
    const row = members.getByRole('row').filter({ hasText: INVITEE });
    await row.waitFor();
    expect(await row.getByText('invited, no password yet').count()).toBe(0);

    // The same link again, from another browser: refused with the server's reason, and nothing changes.
    const again = await b.newPage();
    await again.page.goto(`${link.pathname}${link.hash}`);
    await again.page.getByLabel('New password').fill('another-long-password');
    await again.page.getByLabel('Repeat the password').fill('another-long-password');
    await again.page.getByRole('button', { name: 'Set password and join' }).click();
    const refusal = again.page.getByRole('alert').filter({ hasText: 'This invitation link cannot be used.' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('is unknown, already used or expired');
    expect(await again.page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    const oldPassword = await b.app.request('POST', '/api/v1/auth/login', {
      body: { email: INVITEE, password: PASSWORD },
    });
    expect(oldPassword.status).toBe(200);

    // Removing the member asks first: dismissed, nothing changes; accepted, they lose access.
    await admin.page.reload();
    const removable = members.getByRole('row').filter({ hasText: INVITEE });
    const asked: string[] = [];
    admin.page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await removable.getByRole('button', { name: 'Remove' }).click();
    await expect
      .poll(() => asked)
      .toEqual([`Remove ${INVITEE} from this organisation? They lose access to its records at once.`]);
    await admin.page.reload();
    await members.getByRole('row').filter({ hasText: INVITEE }).waitFor();
    admin.page.once('dialog', (d) => void d.accept());
    await admin.page
      .getByRole('row')
      .filter({ hasText: INVITEE })
      .getByRole('button', { name: 'Remove' })
      .click();
    await admin.page.getByText('Member removed.').waitFor();
    expect(await members.getByRole('row').filter({ hasText: INVITEE }).count()).toBe(0);
    const removedMe = await b.app.request('POST', '/api/v1/auth/login', {
      body: { email: INVITEE, password: PASSWORD },
    });
    expect(removedMe.body.memberships).toEqual([]);

    // Without a token the page says what to do instead of showing a form.
    await again.page.goto('/invitation');
    await again.page.getByText('This address holds no invitation.').waitFor();
    expect(await again.page.getByRole('button', { name: 'Set password and join' }).count()).toBe(0);
  });
});

describe('deleted records in the browser', () => {
  it('lists a deleted lesson on the admin page and restores it with one click', async () => {
    const admin = await b.newPage();
    await signIn(admin.page, 'fco@tacit.demo');
    const text = 'Lesson deleted and restored in the browser';
    // Written and deleted through the API as the signed-in administrator (same origin, session cookie).
    const id = await admin.page.evaluate(async (lesson) => {
      const created = await fetch('/api/v1/lessons', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: lesson, visibility: 'owner' }),
      });
      const { id } = (await created.json()) as { id: string };
      await fetch(`/api/v1/lessons/${id}`, { method: 'DELETE' });
      return id;
    }, text);
    const status = () =>
      admin.page.evaluate(async (lessonId) => (await fetch(`/api/v1/lessons/${lessonId}`)).status, id);
    expect(await status()).toBe(404);
    await admin.page.goto('/admin');
    const trash = admin.page.getByRole('region', { name: 'Deleted records' });
    const row = trash.getByRole('row').filter({ hasText: text });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: 'Lesson', exact: true }).count()).toBe(1);
    await row.getByRole('button', { name: 'Restore' }).click();
    await trash.getByText(`Restored: ${text}`).waitFor();
    expect(await trash.getByRole('row').filter({ hasText: text }).count()).toBe(0);
    expect(await status()).toBe(200);
  });
});
