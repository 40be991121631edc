// Copies the vocabularies into their tables when the files they come from changed. The checksum
// is taken over the source files, so a warm start neither parses the codelists nor rewrites rows.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Database, Queryable } from '../db/client.ts';
import { builtInFiles, writeBuiltInInstruments } from '../instruments/builtin.ts';
import { REFERENCE_DIR } from '../paths.ts';
import { loadedChecksum, recordChecksum, writers } from './reference.repository.ts';

const require = createRequire(import.meta.url);

function checksumOfFiles(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(fs.readFileSync(file));
  return hash.digest('hex');
}

const codelist = (name: string) => path.join(REFERENCE_DIR, 'codelists', `${name}.xml`);
const countryPackage = path.join(path.dirname(require.resolve('i18n-iso-countries')), 'package.json');

const SOURCES: Record<string, () => string[]> = {
  countries: () => [countryPackage],
  themes: () => [path.join(REFERENCE_DIR, 'themes.json')],
  dac_codes: () => [codelist('Sector'), codelist('SectorCategory')],
  currencies: () => [codelist('Currency')],
  exchange_rates: () => [path.join(REFERENCE_DIR, 'exchange-rates.json')],
  instruments: builtInFiles,
};

async function loadIfChanged(
  db: Database,
  name: string,
  write: (tx: Queryable) => Promise<void>,
): Promise<boolean> {
  const sum = checksumOfFiles(SOURCES[name]!());
  if ((await loadedChecksum(db, name)) === sum) return false;
  await db.transaction(async (tx) => {
    await write(tx);
    await recordChecksum(tx, name, sum);
  });
  return true;
}

const ALL_WRITERS: Record<string, (tx: Queryable) => Promise<void>> = {
  ...writers,
  instruments: writeBuiltInInstruments,
};

/**
 * Loads each vocabulary whose source changed (all of them, or those named: a database of an older
 * release has tables for its own vocabularies only); returns the names loaded.
 */
export async function loadReferenceData(
  db: Database,
  only: string[] = Object.keys(ALL_WRITERS),
): Promise<string[]> {
  const loaded: string[] = [];
  for (const name of only) {
    const write = ALL_WRITERS[name];
    if (!write) throw new Error(`No vocabulary is named ${name}.`);
    if (await loadIfChanged(db, name, write)) loaded.push(name);
  }
  return loaded;
}
