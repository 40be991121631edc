// The server's rounds of housekeeping on the embedded engine: none during a burst of requests, one
// once the server has been quiet or when one is long overdue, logged with what it vacuumed; none
// at all on PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';
import { buildOrgWithEditor } from '../../test/support/factories.ts';
import { createTestDatabase, testEngine } from '../../test/support/test-db.ts';
import { loadConfig } from '../config.ts';
import type { TableUpkeep } from '../db/maintenance.ts';
import { sql } from '../db/sql.ts';
import { buildApp } from './app.ts';
import { type HousekeepingOptions, scheduleHousekeeping } from './housekeeping.ts';

type Round = { tables: TableUpkeep[]; ms: number };

/** A real server on a loopback port with rounds scheduled as told, and what the rounds reported. */
async function startServer(options: Omit<HousekeepingOptions, 'log'>) {
  const t = await createTestDatabase();
  const app = await buildApp({
    db: t.db,
    config: { ...loadConfig({ TACIT_LOG_LEVEL: 'silent' }), ...t.config },
  });
  /** The rounds that did something (info), and the number of rounds at all (nothing due: debug). */
  const reported = { done: [] as Round[], rounds: 0 };
  scheduleHousekeeping(app, t.db, {
    ...options,
    log: {
      info: (details) => {
        reported.rounds++;
        reported.done.push(details as Round);
      },
      debug: () => {
        reported.rounds++;
      },
      error: (details) => {
        throw new Error(`housekeeping failed: ${JSON.stringify(details)}`);
      },
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { editor } = await buildOrgWithEditor(t.db);

  const send = async (method: string, path: string, body: unknown) => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBeLessThan(300);
    return json as { id: string; version: number };
  };
  return {
    reported,
    /** Renames one project through the API, one request right after the other. */
    async burstOfEdits(edits: number) {
      let p = await send('POST', '/api/v1/projects', { title: 'Edited in a burst', countries: ['PE'] });
      for (let i = 1; i <= edits; i++)
        p = await send('PATCH', `/api/v1/projects/${p.id}`, { version: p.version, title: `Burst ${i}` });
    },
    async projectStats() {
      await t.db.query(sql`SELECT pg_stat_force_next_flush()`);
      const [row] = await t.db.query<{ n_dead_tup: number; vacuum_count: number }>(
        sql`SELECT n_dead_tup, vacuum_count FROM pg_stat_user_tables WHERE relname = 'projects'`,
      );
      return row!;
    },
    /** Waits for a round that vacuumed projects (an earlier one may only have analysed them). */
    async untilProjectsVacuumed(withinMs: number) {
      const deadline = Date.now() + withinMs;
      const vacuumed = () =>
        reported.done.some((r) => r.tables.some((d) => d.table === 'projects' && d.vacuumed));
      while (!vacuumed() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    },
    /** Closes the server, leaving the database open to look at. */
    async closeApp() {
      await app.close();
    },
    async close() {
      await app.close();
      await t.drop();
    },
  };
}

describe('housekeeping in the server', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.runIf(testEngine() === 'pglite')(
    'vacuums nothing during a burst of edits, and the edited tables once the server is quiet',
    async () => {
      // Quiet means 3 s without a request: edits take tens of milliseconds, far less under a busy CI.
      server = await startServer({ intervalMs: 50, quietMs: 3_000, maxWaitMs: 600_000 });
      await server.burstOfEdits(70);
      // Edits arrived every few milliseconds: no round started, though one was due after 50.
      expect(server.reported.done).toEqual([]);
      expect(await server.projectStats()).toMatchObject({ n_dead_tup: 70, vacuum_count: 0 });

      await server.untilProjectsVacuumed(20_000);
      expect(server.reported.done).toHaveLength(1);
      const round = server.reported.done[0]!;
      const projects = round.tables.find((d) => d.table === 'projects');
      expect(projects).toMatchObject({ vacuumed: true, analysed: true, deadRows: 70 });
      expect(round.ms).toBeGreaterThanOrEqual(projects!.ms);
      expect(await server.projectStats()).toMatchObject({ n_dead_tup: 0, vacuum_count: 1 });
    },
  );

  it.runIf(testEngine() === 'pglite')('runs an overdue round even if the server is never quiet', async () => {
    // Never quiet within the test: only an overdue round can vacuum.
    server = await startServer({ intervalMs: 50, quietMs: 600_000, maxWaitMs: 1_000 });
    await server.burstOfEdits(70);
    // An overdue round may come during the burst, when the edits so far are only enough to analyse.
    await server.untilProjectsVacuumed(20_000);
    const projects = server.reported.done.flatMap((r) => r.tables).filter((d) => d.table === 'projects');
    expect(projects.some((d) => d.vacuumed)).toBe(true);
    expect((await server.projectStats()).vacuum_count).toBeGreaterThanOrEqual(1);
  });

  it.runIf(testEngine() === 'pglite')(
    'runs a last round as the server closes, since the engine forgets what was due when it closes',
    async () => {
      server = await startServer({ intervalMs: 50, quietMs: 600_000, maxWaitMs: 600_000 });
      await server.burstOfEdits(70);
      expect(server.reported.rounds).toBe(0);
      await server.closeApp();
      const projects = server.reported.done.flatMap((r) => r.tables).find((d) => d.table === 'projects');
      expect(projects).toMatchObject({ vacuumed: true, analysed: true, deadRows: 70 });
      expect(await server.projectStats()).toMatchObject({ n_dead_tup: 0, vacuum_count: 1 });
    },
  );

  it.runIf(testEngine() === 'postgres')('schedules nothing on PostgreSQL', async () => {
    server = await startServer({ intervalMs: 50, quietMs: 500, maxWaitMs: 500 });
    await server.burstOfEdits(60);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(server.reported.rounds).toBe(0);
    expect((await server.projectStats()).vacuum_count).toBe(0);
  });
});
