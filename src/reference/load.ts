// Copies the vocabularies into their tables when the files they come from changed. The checksum
// is taken over the source files, so a warm start neither parses the codelists nor rewrites rows.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Database, Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { builtInFiles, writeBuiltInInstruments } from '../instruments/builtin.ts';
import { REFERENCE_DIR } from '../paths.ts';
import { exchangeRates } from './exchange-rates.ts';
import { vocabularies } from './vocabularies.ts';

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
  const current = await db.query<{ checksum: string }>(
    sql`SELECT checksum FROM reference_versions WHERE name = ${name}`,
  );
  if (current[0]?.checksum === sum) return false;
  await db.transaction(async (tx) => {
    await write(tx);
    await tx.query(sql`INSERT INTO reference_versions (name, checksum) VALUES (${name}, ${sum})
      ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = now()`);
  });
  return true;
}

const writers: Record<string, (tx: Queryable) => Promise<void>> = {
  async countries(tx) {
    const c = [...vocabularies.countries().values()];
    await tx.query(sql`INSERT INTO countries (code, name_en, name_es, name_fr)
      SELECT * FROM unnest(${c.map((x) => x.code)}::text[], ${c.map((x) => x.names.en)}::text[],
        ${c.map((x) => x.names.es)}::text[], ${c.map((x) => x.names.fr)}::text[])
      ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_es = EXCLUDED.name_es, name_fr = EXCLUDED.name_fr`);
  },
  async themes(tx) {
    for (const [i, t] of [...vocabularies.themes().values()].entries()) {
      await tx.query(sql`INSERT INTO themes (slug, label_en, label_es, label_fr, dac_codes, position)
        VALUES (${t.slug}, ${t.labels.en}, ${t.labels.es}, ${t.labels.fr}, ${t.dacCodes}, ${i})
        ON CONFLICT (slug) DO UPDATE SET label_en = EXCLUDED.label_en, label_es = EXCLUDED.label_es,
          label_fr = EXCLUDED.label_fr, dac_codes = EXCLUDED.dac_codes, position = EXCLUDED.position`);
    }
  },
  async dac_codes(tx) {
    const d = [...vocabularies.dacCodes().values()];
    await tx.query(sql`INSERT INTO dac_codes (code, name, description, category)
      SELECT * FROM unnest(${d.map((x) => x.code)}::text[], ${d.map((x) => x.name)}::text[],
        ${d.map((x) => x.description ?? null)}::text[], ${d.map((x) => x.category ?? null)}::text[])
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, category = EXCLUDED.category`);
  },
  async currencies(tx) {
    const c = [...vocabularies.currencies().entries()];
    await tx.query(sql`INSERT INTO currencies (code, name)
      SELECT * FROM unnest(${c.map((x) => x[0])}::text[], ${c.map((x) => x[1])}::text[])
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`);
  },
  async exchange_rates(tx) {
    const fx = exchangeRates();
    await tx.query(sql`DELETE FROM exchange_rates`);
    await tx.query(sql`INSERT INTO exchange_rates (currency, year, per_usd)
      SELECT * FROM unnest(${fx.currencies}::text[], ${fx.years}::int[], ${fx.perUsd}::float8[])`);
    // The 3W matrix keeps budgets converted at these rates: new rates mean converting them again.
    await tx.query(sql`SELECT matrix_refresh_all()`);
  },
  instruments: writeBuiltInInstruments,
};

/** Loads each vocabulary whose source changed; returns the names loaded. */
export async function loadReferenceData(db: Database): Promise<string[]> {
  const loaded: string[] = [];
  for (const [name, write] of Object.entries(writers)) {
    if (await loadIfChanged(db, name, write)) loaded.push(name);
  }
  return loaded;
}
