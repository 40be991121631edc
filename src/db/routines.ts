// The SQL functions, triggers and views each capability owns, in .sql files beside the TypeScript
// that calls them. Numbered migrations hold tables, indexes and data moves; these files hold the
// current form of everything that runs inside the database, so a reader finds it in one place.
//
// Start-up applies them after the numbered migrations, in the order below (a file may call what an
// earlier one defines), in one transaction, and only the files whose checksum differs from the one
// recorded when they were last applied. Each file replaces its definitions in place (CREATE OR
// REPLACE; constraint triggers are dropped and created again), so applying a file twice changes
// nothing. A definition removed from a file stays in the database: drop it in a numbered migration.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from './client.ts';
import { sql } from './sql.ts';

const SRC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Paths under src/, in the order they are applied. */
export const ROUTINE_FILES = [
  'db/upkeep.sql',
  'access/visibility.sql',
  'projects/projects.sql',
  'quality/completeness.sql',
  'search/concepts.sql',
  'search/query.sql',
  'search/record-fields.sql',
  'search/index.sql',
  'coordination/matrix.sql',
  'lessons/lessons.sql',
] as const;

export function routineText(file: string): string {
  return fs.readFileSync(path.join(SRC_DIR, file), 'utf8');
}

const checksum = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Applies the routine files whose text changed since they were last applied, inside the caller's
 * transaction (which holds the migration lock); returns the files applied.
 */
export async function applyRoutines(tx: Queryable): Promise<string[]> {
  const recorded = new Map(
    (await tx.query<{ name: string; checksum: string }>(sql`SELECT name, checksum FROM schema_routines`)).map(
      (r) => [r.name, r.checksum],
    ),
  );
  const applied: string[] = [];
  for (const file of ROUTINE_FILES) {
    const text = routineText(file);
    const sum = checksum(text);
    if (recorded.get(file) === sum) continue;
    await tx.exec(text);
    await tx.query(sql`INSERT INTO schema_routines (name, checksum) VALUES (${file}, ${sum})
      ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`);
    applied.push(file);
  }
  return applied;
}
