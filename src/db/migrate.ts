// Applies the numbered SQL files in src/db/migrations in order, each in its own transaction,
// and records them, so start-up can run it every time; then the capabilities' functions, triggers
// and views whose files changed (routines.ts). An advisory lock keeps two servers that start
// together on one PostgreSQL from applying the same file twice.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.ts';
import { applyRoutines } from './routines.ts';
import { sql } from './sql.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 7212001;

export interface MigrationResult {
  /** Numbered migrations applied. */
  applied: string[];
  /** Capability SQL files (routines.ts) applied because they changed. */
  routines: string[];
}

export function listMigrationFiles(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

/** Migrations not applied yet (all of them on a new database), to say what start-up is about to do. */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const [table] = await db.query<{ exists: boolean }>(
    sql`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`,
  );
  if (!table?.exists) return listMigrationFiles();
  const done = new Set(
    (await db.query<{ name: string }>(sql`SELECT name FROM schema_migrations`)).map((r) => r.name),
  );
  return listMigrationFiles().filter((f) => !done.has(f));
}

export async function migrate(db: Database): Promise<MigrationResult> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  // Only the files not yet recorded get a transaction (on the embedded engine each commit writes to
  // disk: a hundred empty ones took seconds of every command's start); inside it, the lock and a
  // second look keep two servers starting together from applying a file twice.
  for (const file of await pendingMigrations(db)) {
    const text = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
    await db.transaction(async (tx) => {
      // The transaction-scoped lock is released by COMMIT/ROLLBACK on whichever connection holds it.
      await tx.query(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
      const done = await tx.query(sql`SELECT 1 FROM schema_migrations WHERE name = ${file}`);
      if (done.length) return;
      await tx.exec(text);
      await tx.query(sql`INSERT INTO schema_migrations (name) VALUES (${file})`);
      applied.push(file);
    });
  }
  const routines = await db.transaction(async (tx) => {
    await tx.query(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    return applyRoutines(tx);
  });
  return { applied, routines };
}
