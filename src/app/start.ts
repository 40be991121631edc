// Starts Tacit: opens the configured database, applies migrations, loads vocabularies, loads the
// demo data into an empty registry, and serves HTTP until SIGINT/SIGTERM, vacuuming the embedded
// engine in its quiet moments (housekeeping.ts). Each step is reported as it begins, because the
// first start of an embedded database takes half a minute or more before it can serve.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { vacuumWhereDue } from '../db/maintenance.ts';
import { migrate, pendingMigrations } from '../db/migrate.ts';
import { type SeedProgress, type SeedSummary, seedDemoIfEmpty } from '../demo/seed.ts';
import { loadReferenceData } from '../reference/load.ts';
import { systemClock } from '../reminders/clock.ts';
import { startReminders } from '../reminders/jobs.ts';
import { buildApp } from './app.ts';
import { scheduleHousekeeping } from './housekeeping.ts';

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  /** What this start loaded into an empty registry, if it did. */
  demo: SeedSummary | undefined;
  stop(): Promise<void>;
}

export interface StartProgress {
  /** A step begins. */
  step(text: string): void;
  /** How far the demo load is. */
  demo: SeedProgress;
}

const quiet: StartProgress = { step: () => {}, demo: () => {} };

export async function startServer(config: Config, progress: StartProgress = quiet): Promise<RunningServer> {
  if (config.databaseUrl) progress.step('Connecting to PostgreSQL (DATABASE_URL)…');
  else if (!fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION')))
    progress.step(
      `Creating the embedded database in ${config.dataDir} (the first start takes a minute or so)…`,
    );
  else progress.step(`Opening the embedded database in ${config.dataDir}…`);
  const db = await openDatabase(config, { purpose: 'server' });
  try {
    const pending = await pendingMigrations(db);
    if (pending.length) progress.step(`Migrating the database: ${pending.length} migrations to apply…`);
    await migrate(db);
    const loaded = await loadReferenceData(db);
    if (loaded.length) progress.step(`Loaded vocabularies: ${loaded.join(', ')}.`);
    // The demo is a bulk write: tidied now, before anyone is served, rather than at the first quiet moment.
    const demo = config.seedDemo === 'auto' ? await seedDemoIfEmpty(db, progress.demo) : undefined;
    if (demo) await vacuumWhereDue(db);
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
      demo,
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
