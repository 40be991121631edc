// A database made by the previous release (its numbered migrations, read from git, then the demo
// registry with its imported IATI file) upgraded by today's start-up ends with the same schema,
// functions and triggers as a database created fresh, and with every row it held: records, search
// entries and 3W matrix cells alike.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { ROUTINE_FILES } from '../src/db/routines.ts';
import { sql } from '../src/db/sql.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { readCatalogue } from './support/catalogue.ts';
import {
  createEmptyTestDatabase,
  createTestDatabase,
  type TestDatabase,
  testEngine,
} from './support/test-db.ts';

// The last commit before functions, triggers and views moved into the capabilities' .sql files.
const PREVIOUS_RELEASE = '7caf2c4';
const MIGRATIONS = 'src/db/migrations/';

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 26 });

/** Applies the numbered migrations as they were at the previous release, as its start-up did. */
async function migrateAsPreviousRelease(db: Queryable): Promise<string[]> {
  const files = git('ls-tree', '--name-only', PREVIOUS_RELEASE, MIGRATIONS)
    .split('\n')
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(MIGRATIONS.length))
    .sort();
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  for (const file of files) {
    await db.exec(git('show', `${PREVIOUS_RELEASE}:${MIGRATIONS}${file}`));
    await db.query(sql`INSERT INTO schema_migrations (name) VALUES (${file})`);
  }
  return files;
}

/**
 * The previous release's own code, extracted from git beside today's packages: its demo loader
 * writes the rows it wrote then (today's would write columns its schema does not have yet).
 */
async function previousReleaseSeed(): Promise<{ seed: (db: Queryable) => Promise<unknown>; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-previous-'));
  execFileSync('sh', [
    '-c',
    `git archive ${PREVIOUS_RELEASE} src demo reference package.json | tar -x -C "${dir}"`,
  ]);
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  const module = await import(path.join(dir, 'src/demo/seed.ts'));
  return { seed: module.seedDemo, dir };
}

/** The tables and their columns, but the migration bookkeeping's: the shape of a release's data. */
async function shapeOf(db: Queryable): Promise<Record<string, string[]>> {
  const rows = await db.query<{ name: string; columns: string[] }>(
    sql`SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        AND c.relname NOT IN ('schema_migrations', 'schema_routines')
      GROUP BY c.relname ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.columns]));
}

/**
 * Each table's row count and a digest of its rows, over the tables and columns of `shape`: the
 * previous release's data must come through an upgrade unchanged; what later migrations add to
 * it (new tables, new columns with their defaults) is not part of that data.
 */
async function contents(db: Queryable, shape: Record<string, string[]>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, columns] of Object.entries(shape)) {
    const row = `ROW(${columns.map((c) => `t."${c}"`).join(', ')})::text`;
    const [result] = await db.query<{ n: number; digest: string }>(
      sql.raw(`SELECT count(*) AS n, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest
        FROM "${name}" t`),
    );
    out[name] = `${result!.n} ${result!.digest}`;
  }
  return out;
}

describe(`upgrade from the previous release on ${testEngine()}`, () => {
  let old: TestDatabase;
  let fresh: TestDatabase;
  let before: Record<string, string>;
  let previousShape: Record<string, string[]>;
  let previousMigrations: string[];
  let upgrade: Awaited<ReturnType<typeof migrate>>;

  beforeAll(async () => {
    old = await createEmptyTestDatabase();
    previousMigrations = await migrateAsPreviousRelease(old.db);
    // The previous release had these vocabularies; the built-in instruments came after it.
    await loadReferenceData(old.db, ['countries', 'themes', 'dac_codes', 'currencies', 'exchange_rates']);
    const previous = await previousReleaseSeed();
    try {
      await previous.seed(old.db);
    } finally {
      fs.rmSync(previous.dir, { recursive: true, force: true });
    }
    previousShape = await shapeOf(old.db);
    before = await contents(old.db, previousShape);
    upgrade = await migrate(old.db);
    fresh = await createTestDatabase();
    // Every migration from scratch, then the demo registry and its IATI import: minutes on a busy machine.
  }, 600_000);
  afterAll(async () => {
    await old?.drop();
    await fresh?.drop();
  });

  it('applies the migrations added since, and every capability SQL file', () => {
    expect(previousMigrations).toContain('061_search_snippet_window.sql');
    expect(upgrade.applied).not.toContain('061_search_snippet_window.sql');
    expect(upgrade.applied).toContain('062_schema_routines.sql');
    expect(upgrade.routines).toEqual([...ROUTINE_FILES]);
  });

  it('ends with the catalogue of a database created fresh: tables, columns, indexes, views, functions, triggers', async () => {
    const upgraded = await readCatalogue(old.db);
    const created = await readCatalogue(fresh.db);
    expect(upgraded.functions.some((f) => f.includes('FUNCTION public.search_index('))).toBe(true);
    expect(upgraded.triggers.length).toBeGreaterThan(60);
    expect(upgraded).toEqual(created);
  });

  it('keeps every record, search entry and matrix cell', async () => {
    expect(before.projects).not.toMatch(/^0 /);
    expect(before.search_entries).not.toMatch(/^0 /);
    expect(before.matrix_cells).not.toMatch(/^0 /);
    expect(before.iati_activities).not.toMatch(/^0 /);
    expect(await contents(old.db, previousShape)).toEqual(before);
  });

  it('dates the meetings, documents and recommendations indexed before by their own day, not their import', async () => {
    // A document's day is in its extraction (migration 186 reads it as search_document_date does).
    const kinds = await old.db.query<{ kind: string; n: number; own: number; not_imported: number }>(sql`
      SELECT e.kind, count(*)::int AS n,
        count(*) FILTER (WHERE e.own_date IS NOT DISTINCT FROM x.own)::int AS own,
        count(*) FILTER (WHERE e.own_date IS NOT NULL AND e.own_date <> x.created::date)::int AS not_imported
      FROM search_entries e CROSS JOIN LATERAL (
        SELECT m.held_on AS own, m.created_at AS created FROM meetings m WHERE e.kind = 'meeting' AND m.id = e.record_id
        UNION ALL SELECT r.issued_on, r.created_at FROM recommendations r
          WHERE e.kind = 'recommendation' AND r.id = e.record_id
        UNION ALL SELECT search_document_date(d.extraction), d.created_at FROM documents d
          WHERE e.kind = 'document' AND d.id = e.record_id) x
      WHERE e.kind IN ('document', 'meeting', 'recommendation') GROUP BY e.kind ORDER BY e.kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['document', 'meeting', 'recommendation']);
    // Each entry shows its record's own day, or none: never the day it was imported.
    for (const k of kinds) expect(k.own, k.kind).toBe(k.n);
    // The demo's documents are dated by what was drawn from them (its meetings are not dated).
    expect(kinds.find((k) => k.kind === 'document')!.not_imported).toBeGreaterThan(0);
  });

  it('applies a capability file again only when its text changed, and applying it changes nothing', async () => {
    const catalogue = await readCatalogue(old.db);
    expect((await migrate(old.db)).routines).toEqual([]);
    await old.db.query(sql`UPDATE schema_routines SET checksum = 'stale' WHERE name = 'search/query.sql'`);
    expect(await migrate(old.db)).toEqual({ applied: [], routines: ['search/query.sql'] });
    expect(await readCatalogue(old.db)).toEqual(catalogue);
    expect(await contents(old.db, previousShape)).toEqual(before);
  });
});
