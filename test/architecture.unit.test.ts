// Guards the shape that keeps private data private: every module that reads a table of owned
// records applies the one access filter, unless it is listed here with the reason it may not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/paths.ts';

const OWNED_TABLES = [
  'projects',
  'documents',
  'reviews',
  'evaluations',
  'recommendations',
  'lessons',
  'meetings',
  'assessments',
];

// Reads that serve no viewer: each answers a write's own question about existing rows.
const EXEMPT: Record<string, string> = {
  'src/iati/iati.repository.ts':
    'bulk import matches activities by identifier to update them; it returns nothing to a reader',
  'src/demo/seed.ts': 'checks whether demo records already exist so a second load adds nothing',
};

function sourceFiles(dir: string, ext = /\.ts$/): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full, ext);
    return ext.test(e.name) && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the access filter', () => {
  const readsOwnedTable = new RegExp(`\\b(FROM|JOIN)\\s+(${OWNED_TABLES.join('|')})\\b`);
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
