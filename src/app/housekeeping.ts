// The autovacuum of a long-running server on the embedded engine, which has none: every minute, once
// the server has been quiet for a few seconds, and once more as it closes, the tables past
// autovacuum's thresholds are vacuumed and analysed (src/db/maintenance.ts). On PostgreSQL nothing
// is scheduled.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import { vacuumWhereDue } from '../db/maintenance.ts';

export interface HousekeepingOptions {
  /** How often to look whether a round can run. */
  intervalMs: number;
  /** How long no request must have arrived or finished before a round starts. */
  quietMs: number;
  /** How long after the last whole round one runs even if the server is never quiet. */
  maxWaitMs: number;
  /** Where rounds are reported: the server's logger unless told. */
  log?: HousekeepingLog;
}

/** The part of the server's (pino) logger that the rounds use. */
export interface HousekeepingLog {
  info(details: object, message: string): void;
  debug(details: object, message: string): void;
  error(details: object, message: string): void;
}

const DEFAULTS: HousekeepingOptions = { intervalMs: 60_000, quietMs: 5_000, maxWaitMs: 15 * 60_000 };

/**
 * Schedules the rounds for as long as `app` runs; call before it listens. The timer never keeps the
 * process alive, and closing the app stops it, stops a round under way and runs a whole one.
 */
export function scheduleHousekeeping(
  app: FastifyInstance,
  db: Database,
  options: Partial<HousekeepingOptions> = {},
): void {
  if (db.engine !== 'pglite') return;
  const { intervalMs, quietMs, maxWaitMs, log = app.log } = { ...DEFAULTS, ...options };
  // The embedded engine has one connection, and a VACUUM holds it: requests arriving meanwhile wait.
  // So a round waits for a quiet moment, judged by the time of the last request that arrived or
  // finished (no count of requests in flight, which an aborted request could leave wrong for good),
  // and a request arriving during a round stops it before its next table; the tables it did not
  // reach stay past their thresholds and are done in the next quiet moment. A server that is never
  // quiet (a probe every few seconds) would then never be vacuumed, and it is the one whose tables
  // grow fastest: after maxWaitMs without a whole round, a round runs anyway and is not stopped.
  let lastActivity = Date.now();
  let lastWholeRound = Date.now();
  let round: { done: Promise<void>; stop: AbortController; overdue: boolean } | undefined;
  app.addHook('onRequest', async () => {
    lastActivity = Date.now();
    if (!round?.overdue) round?.stop.abort();
  });
  app.addHook('onResponse', async () => {
    lastActivity = Date.now();
  });

  const runRound = async (stop: AbortSignal) => {
    const started = performance.now();
    try {
      const tables = await vacuumWhereDue(db, { signal: stop });
      const ms = Math.round(performance.now() - started);
      if (!stop.aborted) lastWholeRound = Date.now();
      if (tables.length) {
        const names = tables.map((t) => t.table).join(', ');
        log.info({ tables, ms }, `housekeeping: ${names} in ${ms} ms`);
      } else log.debug({ ms }, 'housekeeping: nothing due');
    } catch (err) {
      log.error({ err }, 'housekeeping failed');
    }
  };
  const timer = setInterval(() => {
    if (round) return;
    const now = Date.now();
    const overdue = now - lastWholeRound >= maxWaitMs;
    if (!overdue && now - lastActivity < quietMs) return;
    const stop = new AbortController();
    round = {
      stop,
      overdue,
      done: runRound(stop.signal).finally(() => {
        round = undefined;
      }),
    };
  }, intervalMs);
  timer.unref();

  // A last whole round as the server closes: the embedded engine forgets its statistics counters
  // when it closes, so a table past a threshold now would look untouched to the next run. (Churn
  // still below one is forgotten all the same: the next run counts from nought.)
  app.addHook('onClose', async () => {
    clearInterval(timer);
    round?.stop.abort();
    await round?.done;
    await runRound(new AbortController().signal);
  });
}
