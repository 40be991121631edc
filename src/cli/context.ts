// Opens the configured database (migrated, vocabularies loaded) for one CLI command and closes it
// afterwards, whatever happens, so the data directory's lock is always released; and tidies up
// after the commands that write in bulk.
import { loadConfig } from '../config.ts';
import type { Database, OpenOptions } from '../db/client.ts';
import { openDatabase } from '../db/client.ts';
import { vacuumWhereDue } from '../db/maintenance.ts';
import { migrate } from '../db/migrate.ts';
import { loadReferenceData } from '../reference/load.ts';

export async function openMigratedDatabase(
  config = loadConfig(),
  options: OpenOptions = {},
): Promise<Database> {
  const db = await openDatabase(config, options);
  try {
    await migrate(db);
    await loadReferenceData(db);
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}

export async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openMigratedDatabase();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * After a bulk write, vacuums and analyses on the embedded engine what autovacuum would have (on
 * PostgreSQL it does), and says so on stderr when it did anything.
 */
export async function tidyAfterCommand(db: Database): Promise<void> {
  const started = Date.now();
  const tables = await vacuumWhereDue(db);
  if (!tables.length) return;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`Vacuumed or analysed ${tables.length} tables in ${seconds} s.\n`);
}
