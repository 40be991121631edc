// The reminder jobs a server runs: the daily digest, when SMTP settings are configured.
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Clock } from './clock.ts';
import { digestService } from './digest.service.ts';
import { type Mailer, smtpMailer } from './mailer.ts';
import { dailySlot, type ScheduledJob, Scheduler } from './scheduler.ts';

export function dailyDigestJob(
  db: Database,
  deps: { mailer: Mailer; clock: Clock; publicUrl: string; digestHour: number },
): ScheduledJob {
  return {
    name: 'daily_digest',
    slotAt: (now) => dailySlot(now, deps.digestHour),
    run: async (slot) => {
      await digestService.sendDaily(db, deps, slot);
    },
  };
}

/** Starts the server's scheduler; without SMTP settings there is nothing to run, and nothing starts. */
export function startReminders(
  db: Database,
  config: Config,
  clock: Clock,
  log: (message: string, err?: unknown) => void,
): { stop(): Promise<void> } {
  if (!config.smtp) return { stop: async () => {} };
  const mailer = smtpMailer(config.smtp);
  const job = dailyDigestJob(db, {
    mailer,
    clock,
    publicUrl: config.publicUrl,
    digestHour: config.digestHour,
  });
  const scheduler = new Scheduler(db, clock, [job], log);
  scheduler.start();
  return {
    async stop() {
      await scheduler.stop();
      mailer.close();
    },
  };
}
