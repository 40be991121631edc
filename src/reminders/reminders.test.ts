// Reminders that reach people: the digest's actions on a controllable clock, digests received once
// by a real SMTP server, one digest when two servers share the database, signed links that work
// once for their own action only, and nothing of another organisation's in a digest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { type ReceivedMail, startClockedServer, startSmtpServer } from '../../test/support/reminders.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.ts';
import { openDatabase } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { dayOf, ManualClock } from './clock.ts';
import { dailyDigestJob } from './jobs.ts';
import { linksService } from './links.service.ts';
import { smtpMailer } from './mailer.ts';
import { Scheduler } from './scheduler.ts';

const today = dayOf(new Date());
const shift = (days: number) => dayOf(new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000));

describe('reminders', () => {
  let t: TestDatabase;
  let clock: ManualClock;
  let server: Awaited<ReturnType<typeof startClockedServer>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let a: TestMember;
  let aAdmin: TestMember;
  let b: TestMember;
  let aName: string;
  let projectId: string;
  let r1: string;
  let r2: string;
  let r3: string;

  const call = (method: string, path: string, opts?: { token?: string; body?: unknown }) =>
    server.request(method, path, opts);
  const recommendation = async (who: TestMember, body: Record<string, unknown>) => {
    const res = await call('POST', '/api/v1/recommendations', { token: who.token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const scheduler = (db = t.db) =>
    new Scheduler(db, clock, [
      dailyDigestJob(db, {
        mailer: smtpMailer(smtp.smtp),
        clock,
        publicUrl: 'https://tacit.test',
        digestHour: 6,
      }),
    ]);
  const mailsTo = (who: TestMember, from = 0) =>
    smtp.received.slice(from).filter((m) => m.to.includes(who.email));
  const linksIn = (mail: ReceivedMail) =>
    [...mail.text.matchAll(/https:\/\/tacit\.test\/act#(\S+)/g)].map((m) => m[1]!);

  beforeAll(async () => {
    t = await createTestDatabase();
    clock = new ManualClock(`${today}T07:00:00Z`);
    server = await startClockedServer(t, clock);
    smtp = await startSmtpServer();
    const orgA = await buildOrgWithEditor(t.db, { acronym: `RA${Date.now() % 100000}` });
    a = orgA.editor;
    aName = orgA.org.name;
    aAdmin = await buildMember(t.db, orgA.org.id, 'admin');
    const orgB = await buildOrgWithEditor(t.db);
    b = orgB.editor;
    projectId = (
      await call('POST', '/api/v1/projects', {
        token: a.token,
        body: { title: 'Judicial reform', visibility: 'network' },
      })
    ).body.id;
    r1 = await recommendation(a, {
      project_id: projectId,
      visibility: 'network',
      text: 'Involve the judges in the design of the programme',
      key_actions: [
        { text: 'Train judges on the new procedure', due_on: shift(5) },
        { text: 'Write a theory of change', due_on: shift(-3), status: 'in_progress' },
        { text: 'Hold the closing conference', due_on: shift(30) },
        {
          text: 'Agree terms of reference',
          due_on: shift(-10),
          status: 'completed',
          completed_on: shift(-11),
        },
        { text: 'Share the court statistics', due_on: shift(2), owner: orgB.org.name },
      ],
    });
    // B's private recommendations: one B is responsible for, one that names A as owner.
    r2 = await recommendation(b, {
      visibility: 'owner',
      text: 'Private recommendation of B',
      key_actions: [{ text: 'Confidential vetting of prosecutors', due_on: shift(1) }],
    });
    r3 = await recommendation(b, {
      visibility: 'owner',
      text: 'Another private recommendation of B',
      key_actions: [{ text: 'Secret action naming A', due_on: shift(1), owner: orgA.org.acronym }],
    });
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
    await t.drop();
  });

  it('gives each organisation the actions it is responsible for, due within 14 days or overdue, and none it may not see', async () => {
    const digestA = await call('GET', `/api/v1/reminders/digest?organisation=${a.orgId}`, { token: a.token });
    expect(digestA.status).toBe(200);
    expect(digestA.body.as_of).toBe(today);
    const brief = (x: { recommendation_id: string; action_index: number; days: number }) =>
      `${x.recommendation_id === r1 ? 'r1' : x.recommendation_id}/${x.action_index} ${x.days}d`;
    expect(digestA.body.due_soon.map(brief)).toEqual(['r1/0 5d']);
    expect(digestA.body.overdue.map(brief)).toEqual(['r1/1 3d']);
    expect(digestA.body.due_soon[0]).toMatchObject({
      project_title: 'Judicial reform',
      text: 'Train judges on the new procedure',
    });
    expect(digestA.body.stale).toEqual([]);
    expect(JSON.stringify(digestA.body)).not.toMatch(/Secret action|Confidential vetting/);

    const digestB = await call('GET', `/api/v1/reminders/digest?organisation=${b.orgId}`, { token: b.token });
    expect(digestB.body.due_soon.map((x: { text: string }) => x.text)).toEqual([
      'Confidential vetting of prosecutors',
      'Share the court statistics',
    ]);
    expect(digestB.body.due_soon.map((x: { recommendation_id: string }) => x.recommendation_id)).toEqual([
      r2,
      r1,
    ]);

    const notMember = await call('GET', `/api/v1/reminders/digest?organisation=${a.orgId}`, {
      token: b.token,
    });
    expect(notMember.status).toBe(403);
    expect((await call('GET', `/api/v1/reminders/digest?organisation=${a.orgId}`)).status).toBe(401);
    const unknown = await call('GET', `/api/v1/reminders/digest?organisation=${a.orgId}&days=30`, {
      token: a.token,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('validation_failed');
    expect(r3).toBeTruthy();
  });

  it('e-mails each digest once, with the right actions, to members who did not turn it off', async () => {
    const off = await call('PUT', '/api/v1/reminders/preferences', {
      token: aAdmin.token,
      body: { digest_enabled: false },
    });
    expect(off.body).toEqual({ digest_enabled: false });
    expect((await call('GET', '/api/v1/reminders/preferences', { token: aAdmin.token })).body).toEqual({
      digest_enabled: false,
    });
    expect(
      (await call('PUT', '/api/v1/reminders/preferences', { token: a.token, body: { enabled: true } }))
        .status,
    ).toBe(422);

    clock.set(`${today}T05:00:00Z`);
    const early = scheduler();
    // Before the digest hour, the slot due is yesterday's: sent once, for that day.
    expect(await early.tick()).toEqual([`daily_digest ${shift(-1)}`]);
    clock.set(`${today}T07:00:00Z`);
    const before = smtp.received.length;
    expect(await scheduler().tick()).toEqual([`daily_digest ${today}`]);
    expect(await scheduler().tick()).toEqual([]);

    const toA = mailsTo(a, before);
    expect(toA).toHaveLength(1);
    expect(mailsTo(aAdmin)).toHaveLength(0);
    const mail = toA[0]!;
    expect(mail.subject).toBe(`Tacit digest for ${aName}: 1 overdue, 1 due within 14 days`);
    expect(mail.text).toContain(`- Write a theory of change (due ${shift(-3)}, 3 days overdue)`);
    expect(mail.text).toContain(`- Train judges on the new procedure (due ${shift(5)}, in 5 days)`);
    expect(mail.text).not.toMatch(/Secret action|Confidential vetting|closing conference|Agree terms/);
    expect(linksIn(mail)).toHaveLength(2);
    const toB = mailsTo(b, before);
    expect(toB).toHaveLength(1);
    expect(toB[0]!.text).toContain('Confidential vetting of prosecutors');

    const deliveries = await call('GET', `/api/v1/reminders/deliveries?organisation=${a.orgId}`, {
      token: a.token,
    });
    expect(
      deliveries.body.items.map((d: { digest_date: string; email: string; status: string }) => [
        d.digest_date,
        d.email,
        d.status,
      ]),
    ).toEqual([
      [today, a.email, 'sent'],
      [shift(-1), a.email, 'sent'],
    ]);
  });

  it('sends one digest when two servers share the database', async () => {
    clock.set(`${shift(1)}T07:00:00Z`);
    // A second server: its own connection to the same PostgreSQL (the embedded engine is one process's).
    const second = t.config.databaseUrl ? await openDatabase(t.config) : t.db;
    try {
      const before = smtp.received.length;
      const ran = await Promise.all([scheduler().tick(), scheduler(second).tick(), scheduler().tick()]);
      expect(ran.flat()).toEqual([`daily_digest ${shift(1)}`]);
      const recipients = smtp.received.slice(before).flatMap((m) => m.to);
      expect(recipients.filter((r) => r === a.email)).toEqual([a.email]);
      expect(recipients.filter((r) => r === b.email)).toEqual([b.email]);
      expect(new Set(recipients).size).toBe(recipients.length);
    } finally {
      if (second !== t.db) await second.close();
    }
  });

  it('lets a signed link record progress once, on its own action, until it expires', async () => {
    clock.set(`${today}T08:00:00Z`);
    const mail = mailsTo(a).find((m) => m.text.startsWith(`Tacit digest for ${aName}, ${today}`))!;
    const [overdueLink, dueSoonLink] = linksIn(mail) as [string, string];
    const progress = (index: number, token: string, body: Record<string, unknown> = {}) =>
      call('POST', `/api/v1/reminders/key-actions/${r1}/${index}/progress`, {
        body: { token, status: 'completed', comment: 'Two sessions held with 40 judges', ...body },
      });
    const stored = async () => (await call('GET', `/api/v1/recommendations/${r1}`, { token: a.token })).body;
    const start = await stored();

    const seen = await call('POST', '/api/v1/reminders/action-links/inspect', {
      body: { token: dueSoonLink },
    });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      recommendation_id: r1,
      action_index: 0,
      action: { text: 'Train judges on the new procedure' },
    });

    const tampered = `${dueSoonLink.slice(0, -2)}${dueSoonLink.endsWith('AA') ? 'BB' : 'AA'}`;
    const forged = await progress(0, tampered);
    expect([forged.status, forged.body.error.code]).toEqual([403, 'link_invalid']);
    const otherAction = await progress(1, dueSoonLink);
    expect([otherAction.status, otherAction.body.error.code]).toEqual([403, 'link_other_action']);
    const badStatus = await progress(0, dueSoonLink, { status: 'done' });
    expect(badStatus.status).toBe(422);
    expect((await progress(0, dueSoonLink, { comment: '' })).status).toBe(422);
    expect(await stored()).toEqual(start);

    const done = await progress(0, dueSoonLink, { evidence_url: 'https://example.org/report.pdf' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const after = await stored();
    expect(after.key_actions[0]).toMatchObject({ status: 'completed', completed_on: today });
    expect(after.key_actions.slice(1)).toEqual(start.key_actions.slice(1));
    expect(after.version).toBe(start.version + 1);
    const audit = await t.db.query<{ user_id: string; org_id: string; details: Record<string, unknown> }>(
      sql`SELECT user_id, org_id, details FROM audit_log WHERE entity_id = ${r1} AND details->>'via' = 'signed_link'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      user_id: a.userId,
      org_id: a.orgId,
      details: {
        action_index: 0,
        from_status: 'not_started',
        status: 'completed',
        comment: 'Two sessions held with 40 judges',
      },
    });

    const again = await progress(0, dueSoonLink, { status: 'in_progress' });
    expect([again.status, again.body.error.code]).toEqual([409, 'link_used']);
    expect(await stored()).toEqual(after);

    clock.advanceHours(73);
    const expired = await progress(1, overdueLink);
    expect([expired.status, expired.body.error.code]).toEqual([410, 'link_expired']);
    expect((await stored()).key_actions[1].status).toBe('in_progress');

    const closedLink = await linksService.issue(t.db, clock, {
      recommendationId: r1,
      actionIndex: 3,
      actionText: 'Agree terms of reference',
      orgId: a.orgId,
      userId: a.userId,
    });
    const closed = await progress(3, closedLink);
    expect([closed.status, closed.body.error.code]).toEqual([409, 'action_closed']);
    expect(await stored()).toEqual(after);
  });

  it('lists records not updated for 12 months as stale', async () => {
    clock.set(`${shift(400)}T07:00:00Z`);
    const digest = await call('GET', `/api/v1/reminders/digest?organisation=${a.orgId}`, { token: a.token });
    expect(digest.body.stale.map((s: { kind: string; id: string }) => `${s.kind} ${s.id}`).sort()).toEqual(
      [`project ${projectId}`, `recommendation ${r1}`].sort(),
    );
    expect(digest.body.overdue.map((x: { action_index: number }) => x.action_index)).toEqual([1, 2]);
  });
});
