// Where the shared fixture documents live, for tests and benchmarks (the server never reads them).
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../paths.ts';

export const FIXTURE_DOCUMENTS = path.resolve(REPO_ROOT, '../shared/fixtures/documents');

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
