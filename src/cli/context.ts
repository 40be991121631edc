// Opens the configured database (migrated, vocabularies loaded) for one CLI command and closes it
// afterwards, whatever happens, so the data directory's lock is always released.
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { loadReferenceData } from '../reference/load.ts';

export async function openMigratedDatabase(config = loadConfig()): Promise<Database> {
  const db = await openDatabase(config);
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
