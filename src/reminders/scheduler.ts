// A scheduler inside Tacit. Each job names the slot that is due (for a daily job, the day); every
// server ticks, and the database decides which one runs it: the claim is a row whose primary key
// is (job, slot), so on one PostgreSQL shared by several servers each slot runs once, and the
// embedded engine needs nothing more. No queue library: pg-boss and graphile-worker need a
// PostgreSQL server (LISTEN/NOTIFY, their own schema and workers) and do not run on PGlite.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.ts';
import type { Clock } from './clock.ts';
import { schedulerRepository } from './scheduler.repository.ts';

export interface ScheduledJob {
  name: string;
  /** The slot due at `now`, or null when nothing is due. */
  slotAt(now: Date): string | null;
  run(slot: string, now: Date): Promise<void>;
}

// A run that has not finished after this long is taken to have died with its server.
const TAKE_OVER_AFTER_MS = 60 * 60 * 1000;

export class Scheduler {
  readonly serverId = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly jobs: ScheduledJob[],
    private readonly log: (message: string, err?: unknown) => void = () => {},
  ) {}

  /** Runs every job whose slot is due and not yet claimed; returns the "job slot" pairs this server ran. */
  async tick(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      const now = this.clock.now();
      const slot = job.slotAt(now);
      if (!slot) continue;
      if (!(await schedulerRepository.claim(this.db, job.name, slot, this.serverId, now, TAKE_OVER_AFTER_MS)))
        continue;
      let error: string | null = null;
      try {
        await job.run(slot, now);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
        this.log(`scheduled job ${job.name} ${slot} failed`, err);
      }
      await schedulerRepository.finish(this.db, job.name, slot, this.clock.now(), error);
      ran.push(`${job.name} ${slot}`);
    }
    return ran;
  }

  /** Ticks every `intervalMs` until stopped; a tick never overlaps the previous one. */
  start(intervalMs = 60_000): void {
    const beat = () => {
      this.running = this.running
        .then(() => this.tick())
        .catch((err) => this.log('scheduler tick failed', err));
    };
    this.timer = setInterval(beat, intervalMs);
    this.timer.unref();
    beat();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}

/** The daily slot: today from `hour` (UTC) on, else yesterday, so a server that was down catches up once. */
export function dailySlot(now: Date, hour: number): string {
  const day = new Date(now);
  if (now.getUTCHours() < hour) day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
