// Starts Tacit: opens the configured database, applies migrations, loads vocabularies, loads the
// demo data into an empty registry, and serves HTTP until SIGINT/SIGTERM, vacuuming the embedded
// engine in its quiet moments (housekeeping.ts).
import type { FastifyInstance } from 'fastify';
import { openMigratedDatabase } from '../cli/context.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { vacuumWhereDue } from '../db/maintenance.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';
import { systemClock } from '../reminders/clock.ts';
import { startReminders } from '../reminders/jobs.ts';
import { buildApp } from './app.ts';
import { scheduleHousekeeping } from './housekeeping.ts';

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const db = await openMigratedDatabase(config, { purpose: 'server' });
  try {
    // The demo is a bulk write: tidied now, before anyone is served, rather than at the first quiet moment.
    if (config.seedDemo === 'auto' && (await seedDemoIfEmpty(db))) await vacuumWhereDue(db);
    const app = await buildApp({ db, config });
    scheduleHousekeeping(app, db);
    const reminders = startReminders(db, config, systemClock, (message, err) =>
      app.log.error({ err }, message),
    );
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let stopped = false;
    return {
      app,
      db,
      url: `http://${config.host}:${port}`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await reminders.stop();
        await app.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
