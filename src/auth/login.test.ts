// Sign-in under attack: an account is locked after repeated failures (even to the right password,
// on every server sharing the database), an unknown e-mail is refused exactly as a wrong password
// is, and one address cannot try sign-ins without limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { buildApp } from '../app/app.ts';
import { loadConfig } from '../config.ts';
import { sql } from '../db/sql.ts';

const SLOW = 120_000;

describe('sign-in throttling and lock-out', () => {
  let t: TestApp;
  let victim: TestMember;
  let bystander: TestMember;
  let victimAdmin: TestMember;
  let bystanderAdmin: TestMember;
  const unknownEmail = `nobody-${Date.now()}@example.org`;
  beforeAll(async () => {
    t = await startTestApp();
    const org = await buildOrgWithEditor(t.db);
    victim = org.editor;
    victimAdmin = await buildMember(t.db, org.org.id, 'admin');
    bystander = (await buildOrgWithEditor(t.db)).editor;
    bystanderAdmin = await buildMember(t.db, bystander.orgId, 'admin');
  });
  afterAll(() => t.close());

  const login = (base: string, email: string, password: string) =>
    fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('answers an unknown e-mail with the same status and error as a wrong password', async () => {
    const wrong = await login(t.baseUrl, bystander.email, 'not-the-password');
    const unknown = await login(t.baseUrl, unknownEmail, 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    // The bystander's one failure does not stop their sign-in.
    expect((await login(t.baseUrl, bystander.email, bystander.password)).status).toBe(200);
  });

  it(
    'locks an account after repeated failures: 30 wrong passwords, then the right one is refused',
    async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await login(t.baseUrl, victim.email, `wrong-${i}`)).status);
      expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
      expect(statuses.slice(9)).toEqual(Array(21).fill(429));

      const right = await login(t.baseUrl, victim.email.toUpperCase(), victim.password);
      expect(right.status).toBe(429);
      expect(right.headers.get('set-cookie')).toBeNull();
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await right.json();
      expect(body.error.code).toBe('account_locked');
      expect(body.error.message).toMatch(/locked until .* try again then/);
      expect(body.error.details.retry_after_seconds).toBeGreaterThan(14 * 60);

      // Another server on the same database refuses it too: the lock is stored, not remembered.
      const config = { ...loadConfig({ TACIT_LOG_LEVEL: 'silent' }), ...t.config };
      const second = await buildApp({ db: t.db, config });
      await second.listen({ port: 0, host: '127.0.0.1' });
      try {
        const address = second.server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        const elsewhere = await login(`http://127.0.0.1:${port}`, victim.email, victim.password);
        expect(elsewhere.status).toBe(429);
        expect((await elsewhere.json()).error.code).toBe('account_locked');
      } finally {
        await second.close();
      }
      // Other accounts are not locked with it.
      expect((await login(t.baseUrl, bystander.email, bystander.password)).status).toBe(200);
      // The victim's token still works: the lock-out is about passwords, not existing credentials.
      expect((await t.request('GET', '/api/v1/auth/me', { token: victim.token })).body.email).toBe(
        victim.email,
      );
    },
    SLOW,
  );

  it(
    'limits sign-in attempts from one address, whichever accounts they try',
    async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        const res = await login(t.baseUrl, `spray-${i}-${Date.now()}@example.org`, 'password-1234');
        statuses.push(res.status);
        if (res.status === 429) {
          const body = await res.json();
          expect(body.error.code).toBe('too_many_requests');
          expect(body.error.message).toContain('from this address');
          break;
        }
      }
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    },
    SLOW,
  );

  it('puts sign-ins, failures and the lock-out in the trail of the account’s organisations, none for an unknown address', async () => {
    type Entry = {
      action: string;
      actor: { id: string } | null;
      record: { id: string; label: string };
      details: Record<string, unknown>;
    };
    const trail = async (admin: TestMember) =>
      (
        await t.request(
          'GET',
          `/api/v1/audit?org_id=${admin.orgId}&action=login,login_failed,lockout&limit=100`,
          {
            token: admin.token,
          },
        )
      ).body.items as Entry[];
    const ofVictim = (await trail(victimAdmin)).reverse();
    const summary = ofVictim.map((e) => [e.action, e.actor?.id ?? null, e.record.id, e.details.reason]);
    expect(summary.slice(0, 10)).toEqual([
      ...Array(9).fill(['login_failed', null, victim.userId, 'wrong_password']),
      ['lockout', null, victim.userId, 'wrong_password'],
    ]);
    // While locked, every attempt is noted as refused for the lock, the right password's included.
    expect(
      summary.slice(10).every(([action, , , reason]) => action === 'login_failed' && reason === 'locked'),
    ).toBe(true);
    expect(summary.length).toBe(32);
    expect(ofVictim[0]!.details).toMatchObject({ email: victim.email, ip: '127.0.0.1' });
    const ofBystander = (await trail(bystanderAdmin)).reverse();
    expect(ofBystander.map((e) => [e.action, e.actor?.id ?? null])).toEqual([
      ['login_failed', null],
      ['login', bystander.userId],
      ['login', bystander.userId],
    ]);
    // Neither organisation's trail, nor any other, names the address that has no account.
    const [row] = await t.db.query<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM audit_log WHERE details::text ILIKE ${`%${unknownEmail}%`}`,
    );
    expect(row?.count).toBe(0);
  });
});
