// Failed sign-ins per account (migration 075): counted in one statement, so two servers on one
// PostgreSQL never lose a failure to each other.
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export interface LockPolicy {
  /** Failures within the window that lock the account. */
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const loginFailuresRepository = {
  /** When the account's lock ends, if it is locked now. */
  async lockedUntil(db: Queryable, account: string): Promise<Date | null> {
    const rows = await db.query<{ locked_until: Date | string }>(
      sql`SELECT locked_until FROM login_failures WHERE account = ${account} AND locked_until > now()`,
    );
    return rows[0] ? new Date(rows[0].locked_until) : null;
  },

  /** Counts a failure (a new window when the last one is over) and returns the lock it caused, if any. */
  async recordFailure(db: Queryable, account: string, policy: LockPolicy): Promise<Date | null> {
    const windowOver = sql`f.window_start < now() - make_interval(secs => ${policy.windowSeconds}::float8)`;
    const rows = await db.query<{ locked_until: Date | string | null }>(sql`
      INSERT INTO login_failures AS f (account, failures, window_start, locked_until)
      VALUES (${account}, 1, now(), CASE WHEN ${policy.maxFailures}::int <= 1
        THEN now() + make_interval(secs => ${policy.lockSeconds}::float8) END)
      ON CONFLICT (account) DO UPDATE SET
        failures = CASE WHEN ${windowOver} THEN 1 ELSE f.failures + 1 END,
        window_start = CASE WHEN ${windowOver} THEN now() ELSE f.window_start END,
        locked_until = CASE
          WHEN (CASE WHEN ${windowOver} THEN 1 ELSE f.failures + 1 END) >= ${policy.maxFailures}::int
            THEN now() + make_interval(secs => ${policy.lockSeconds}::float8)
          ELSE f.locked_until END
      RETURNING locked_until`);
    const lockedUntil = rows[0]?.locked_until;
    return lockedUntil ? new Date(lockedUntil) : null;
  },

  async clear(db: Queryable, account: string): Promise<void> {
    await db.query(sql`DELETE FROM login_failures WHERE account = ${account}`);
  },

  /** Removes rows whose window and lock are both over: they no longer count for anything. */
  async sweep(db: Queryable, policy: LockPolicy): Promise<void> {
    await db.query(sql`DELETE FROM login_failures WHERE account IN (
      SELECT account FROM login_failures
      WHERE window_start < now() - make_interval(secs => ${policy.windowSeconds}::float8)
        AND (locked_until IS NULL OR locked_until < now())
      LIMIT 500)`);
  },
};
