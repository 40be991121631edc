// Where the shared fixture documents live, for tests and benchmarks (the server never reads them).
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../paths.ts';

// The shared folder sits beside the main checkout; a worktree one level deeper finds it one level up.
const SHARED_CANDIDATES = ['../shared', '../../shared'].map((p) =>
  path.resolve(REPO_ROOT, p, 'fixtures/documents'),
);
export const FIXTURE_DOCUMENTS =
  SHARED_CANDIDATES.find((p) => fs.existsSync(p)) ?? (SHARED_CANDIDATES[0] as string);
export const FIELD_DOCUMENTS = path.join(FIXTURE_DOCUMENTS, 'field');

/** Every format of a fixture document that exists: the .txt beside the .html/.docx/.pdf twins. */
export function fixtureFormats(base: string): string[] {
  return ['.txt', '.md', '.html', '.docx', '.pdf'].flatMap((ext) =>
    [path.join(FIXTURE_DOCUMENTS, base + ext), path.join(FIXTURE_DOCUMENTS, 'formats', base + ext)].filter(
      (f) => fs.existsSync(f),
    ),
  );
}

export function readFixture(file: string): { bytes: Buffer; filename: string } {
  return { bytes: fs.readFileSync(file), filename: path.basename(file) };
}
