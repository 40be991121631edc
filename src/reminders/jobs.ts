// The scheduled jobs a server runs: lifting embargoes and purging old deleted records, always; the daily digest, when SMTP
// settings are configured.
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { embargoJob } from '../sharing/sharing.service.ts';
import { purgeJob } from '../trash/trash.service.ts';
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

/** Starts the server's scheduler: the embargo and purge jobs, and the digest when SMTP is configured. */
export function startReminders(
  db: Database,
  config: Config,
  clock: Clock,
  log: (message: string, err?: unknown) => void,
): { stop(): Promise<void> } {
  const mailer = config.smtp ? smtpMailer(config.smtp) : undefined;
  const jobs = [embargoJob(db, clock), purgeJob(db, clock)];
  if (mailer)
    jobs.push(
      dailyDigestJob(db, { mailer, clock, publicUrl: config.publicUrl, digestHour: config.digestHour }),
    );
  const scheduler = new Scheduler(db, clock, jobs, log);
  scheduler.start();
  return {
    async stop() {
      await scheduler.stop();
      mailer?.close();
    },
  };
}
