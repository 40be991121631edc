// Guards the shape of the code: every module that reads a table of owned records applies the one
// access filter (unless listed here with the reason it may not); layers point down; SQL lives in
// repositories and capability .sql files; no source file is longer than a person reads in one sitting.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/paths.ts';
import { OWNED_TABLE_NAMES } from '../src/records/owned-tables.ts';

// Reads that serve no viewer: each answers a write's own question about existing rows.
const EXEMPT: Record<string, string> = {
  'src/iati/iati.repository.ts':
    'bulk import matches activities by identifier to update them; it returns nothing to a reader',
  'src/demo/demo.repository.ts': 'checks whether demo records already exist so a second load adds nothing',
  'src/backup/catalog.repository.ts':
    "the operator's backup copies every row of every table; it runs from the CLI and serves no viewer",
  'src/backup/snapshot.repository.ts':
    "the operator's backup copies every row of every table; it runs from the CLI and serves no viewer",
  'src/merges/organisation-merge.repository.ts':
    'a merge refuses when both organisations hold the same project code, IATI identifier or file; it answers administrators of both',
  'src/backup/full-export.repository.ts':
    'compares two whole databases row by row after a restore or a move; its searches do use the filter',
};

function sourceFiles(dir: string, ext = /\.ts$/): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full, ext);
    return ext.test(e.name) && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the access filter', () => {
  const readsOwnedTable = new RegExp(`\\b(FROM|JOIN)\\s+(${OWNED_TABLE_NAMES.join('|')})\\b`);
  const files = sourceFiles(path.join(REPO_ROOT, 'src')).map((f) => path.relative(REPO_ROOT, f));

  it('is applied by every module that reads owned records', () => {
    const readers = files.filter((f) =>
      readsOwnedTable.test(fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')),
    );
    expect(readers.length).toBeGreaterThan(3);
    const unfiltered = readers.filter(
      (f) => !EXEMPT[f] && !fs.readFileSync(path.join(REPO_ROOT, f), 'utf8').includes('visibleTo('),
    );
    expect(unfiltered).toEqual([]);
  });

  it('has no stale exemptions', () => {
    for (const file of Object.keys(EXEMPT)) expect(files).toContain(file);
  });
});

describe('the web app', () => {
  it('takes only types from the server code, so none of it is bundled', () => {
    const files = sourceFiles(path.join(REPO_ROOT, 'web', 'src'), /\.tsx?$/);
    // Every import statement that names a module under src/, type-only or not.
    const fromServer = /^\s*(import|export)\b[^;]*?from\s+'(?:\.\.\/)+src\/[^']*'/gms;
    const imports = files.flatMap((f) => fs.readFileSync(f, 'utf8').match(fromServer) ?? []);
    expect(imports.length).toBeGreaterThan(5);
    expect(imports.filter((i) => !/^\s*(import|export) type\b/.test(i))).toEqual([]);
  });
});

const srcFiles = () => sourceFiles(path.join(REPO_ROOT, 'src')).map((f) => path.relative(REPO_ROOT, f));
const read = (f: string) => fs.readFileSync(path.join(REPO_ROOT, f), 'utf8');

/** The modules a file imports (statically, for side effects, or dynamically), as paths from the repository root. */
function importsOf(file: string): string[] {
  const specifiers = [
    ...read(file).matchAll(
      /(?:^\s*(?:import|export)\b[^;]*?from\s+|^\s*import\s+|\bimport\(\s*)'(\.[^']*)'/gms,
    ),
  ].map((m) => m[1]!);
  return specifiers.map((s) =>
    path.relative(REPO_ROOT, path.resolve(path.dirname(path.join(REPO_ROOT, file)), s)),
  );
}

describe('the layers', () => {
  const files = srcFiles();

  it('let only the composition (src/app/routes.ts) import routes files', () => {
    // Every record kind's routes are built by the one shared route factory.
    const SHARED_FACTORY = 'src/records/records.routes.ts';
    const offenders = files.flatMap((f) =>
      importsOf(f)
        .filter((i) => i.endsWith('.routes.ts'))
        .filter((i) => f !== 'src/app/routes.ts' && !(f.endsWith('.routes.ts') && i === SHARED_FACTORY))
        .map((i) => `${f} imports ${i}`),
    );
    expect(files.filter((f) => f.endsWith('.routes.ts')).length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('keep src/db and src/access below HTTP: they import nothing from the server, the app or a routes file', () => {
    const lower = files.filter((f) => f.startsWith('src/db/') || f.startsWith('src/access/'));
    expect(lower.length).toBeGreaterThan(5);
    const offenders = lower.flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith('src/server/') || i.startsWith('src/app/') || i.endsWith('.routes.ts'))
        .map((i) => `${f} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('let no resource import the composition', () => {
    const offenders = files
      .filter((f) => !f.startsWith('src/app/') && !f.startsWith('src/cli/'))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => i.startsWith('src/app/'))
          .map((i) => `${f} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });
});

// Modules that may hold SQL besides repositories, capability .sql files and the data layer (src/db).
const SQL_ALLOWED: Record<string, string> = {
  'src/access/filter.ts': 'the one access filter: the visibility condition every read adds',
  'src/search/query-compiler.ts':
    'compiles the query language into tsquery expressions the search repository runs',
  'src/records/record-table.ts':
    'describes a record table to the shared repository (only a comment names SQL)',
};

describe('SQL', () => {
  const statement =
    /\b(SELECT|INSERT INTO|UPDATE\s+[a-z_]+\s+SET|DELETE FROM|CREATE (OR REPLACE )?(FUNCTION|TRIGGER|VIEW))\b/;

  it('is written only in repositories, capability .sql files and src/db', () => {
    const files = srcFiles();
    const holders = files.filter((f) => statement.test(read(f)));
    expect(holders.length).toBeGreaterThan(10);
    const offenders = holders.filter(
      (f) => !f.endsWith('.repository.ts') && !f.startsWith('src/db/') && !SQL_ALLOWED[f],
    );
    expect(offenders).toEqual([]);
  });

  it('defines functions, triggers and views in capability .sql files, not in new numbered migrations', () => {
    // Migrations up to 061 keep their historical text (an older database replays them as they were);
    // every later one holds tables, indexes and data moves only.
    const dir = path.join(REPO_ROOT, 'src', 'db', 'migrations');
    const later = fs.readdirSync(dir).filter((f) => /^\d{3}_/.test(f) && Number(f.slice(0, 3)) > 61);
    expect(later.length).toBeGreaterThan(0);
    const definitions = /\bCREATE\s+(OR\s+REPLACE\s+)?(CONSTRAINT\s+)?(FUNCTION|TRIGGER|VIEW|PROCEDURE)\b/i;
    expect(later.filter((f) => definitions.test(fs.readFileSync(path.join(dir, f), 'utf8')))).toEqual([]);
  });

  it('has no stale exemptions', () => {
    for (const file of Object.keys(SQL_ALLOWED)) expect(srcFiles()).toContain(file);
  });
});

// Files still over the limit, with their length when the rule came in: each may only shrink, and
// leaves this list once under it. The files of src/iati and src/ingest were being changed on other
// branches when the rule came in; the rest wait for their split.
const OVER_LIMIT_TO_SPLIT: Record<string, number> = {};
// String tables, one line per key, typed as one set so a missing translation fails the type-check.
const LONG_BY_NATURE = ['web/src/i18n/en.ts', 'web/src/i18n/es.ts', 'web/src/i18n/fr.ts'];
const MAX_LINES = 300;

describe('source files', () => {
  const files = [
    ...sourceFiles(path.join(REPO_ROOT, 'src'), /\.(ts|sql)$/),
    ...sourceFiles(path.join(REPO_ROOT, 'web', 'src'), /\.tsx?$/),
  ]
    .map((f) => path.relative(REPO_ROOT, f))
    .filter((f) => !f.startsWith('src/db/migrations/'));
  const lengths = new Map(files.map((f) => [f, read(f).split('\n').length - 1]));

  it(`are at most ${MAX_LINES} lines long`, () => {
    expect(files.length).toBeGreaterThan(100);
    const long = files.filter(
      (f) => lengths.get(f)! > MAX_LINES && !(f in OVER_LIMIT_TO_SPLIT) && !LONG_BY_NATURE.includes(f),
    );
    expect(long.map((f) => `${f}: ${lengths.get(f)} lines`)).toEqual([]);
  });

  it('waiting for their split only shrink, and leave the list once short enough', () => {
    for (const [file, atMost] of Object.entries(OVER_LIMIT_TO_SPLIT)) {
      expect(lengths.get(file), file).toBeLessThanOrEqual(atMost);
      expect(lengths.get(file), file).toBeGreaterThan(MAX_LINES);
    }
  });
});
