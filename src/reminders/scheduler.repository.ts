// SQL of the scheduler: a job's slot is claimed by one INSERT, which only one server can win.
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export const schedulerRepository = {
  /**
   * Claims the slot for this server: true when it won. A claim left unfinished for longer than
   * `takeOverAfterMs` (its server died mid-run) is taken over.
   */
  async claim(db: Queryable, job: string, slot: string, serverId: string, at: Date, takeOverAfterMs: number) {
    const won = await db.query(sql`INSERT INTO scheduled_runs (job, slot, claimed_by, claimed_at)
      VALUES (${job}, ${slot}, ${serverId}, ${at.toISOString()}::timestamptz)
      ON CONFLICT (job, slot) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at, error = NULL
        WHERE scheduled_runs.finished_at IS NULL
          AND scheduled_runs.claimed_at < ${new Date(at.getTime() - takeOverAfterMs).toISOString()}::timestamptz
      RETURNING job`);
    return won.length > 0;
  },

  async finish(db: Queryable, job: string, slot: string, at: Date, error: string | null) {
    await db.query(sql`UPDATE scheduled_runs SET finished_at = ${at.toISOString()}::timestamptz, error = ${error}
      WHERE job = ${job} AND slot = ${slot}`);
  },
};
