// Two whole Tacit servers (as `tacit serve` starts them) on one PostgreSQL database, each with its
// own scheduler and mail connection: each member receives the day's digest once. The embedded
// engine is one process's (src/db/lock.ts), so this case exists only on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor } from '../../test/support/factories.ts';
import { startSmtpServer } from '../../test/support/reminders.ts';
import { createTestDatabase, type TestDatabase, testEngine } from '../../test/support/test-db.ts';
import { type RunningServer, startServer } from '../app/start.ts';
import { loadConfig } from '../config.ts';
import { sql } from '../db/sql.ts';
import { dayOf } from './clock.ts';

describe.runIf(testEngine() === 'postgres')('two Tacit servers on one PostgreSQL', () => {
  let t: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await smtp.close();
    await t.drop();
  });

  it('send one digest per member for the day', async () => {
    const { org, editor } = await buildOrgWithEditor(t.db);
    const due = dayOf(new Date(Date.now() + 3 * 86_400_000));
    await t.db.query(sql`INSERT INTO recommendations (owner_org_id, visibility, text, key_actions)
      VALUES (${org.id}, 'owner', 'Coordinate with the other donors',
        ${JSON.stringify([{ text: 'Convene the donor round table', due_on: due, status: 'not_started' }])}::jsonb)`);
    const config = {
      ...loadConfig({
        TACIT_LOG_LEVEL: 'silent',
        TACIT_SEED_DEMO: 'never',
        PORT: '0',
        TACIT_SMTP_HOST: smtp.smtp.host,
        TACIT_SMTP_PORT: String(smtp.smtp.port),
        TACIT_MAIL_FROM: smtp.smtp.from,
        TACIT_PUBLIC_URL: 'https://tacit.test',
        // From midnight on, so today's digest is due as soon as the servers start.
        TACIT_DIGEST_HOUR: '0',
      }),
      ...t.config,
    };
    servers.push(...(await Promise.all([startServer(config), startServer(config)])));
    const deadline = Date.now() + 15_000;
    while (!smtp.received.some((m) => m.to.includes(editor.email)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    // Stopping waits for each scheduler's tick in flight, so any second e-mail has arrived by then.
    for (const s of servers) await s.stop();
    const mails = smtp.received.filter((m) => m.to.includes(editor.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`- Convene the donor round table (due ${due}, in 3 days)`);
    const runs = await t.db.query<{ claimed_by: string; error: string | null }>(
      sql`SELECT claimed_by, error FROM scheduled_runs WHERE job = 'daily_digest' AND slot = ${dayOf(new Date())}`,
    );
    expect(runs).toEqual([{ claimed_by: expect.any(String), error: null }]);
  });
});
