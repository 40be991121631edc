// The vocabularies' tables as the loader writes them (load.ts decides when), and the checksums of
// the sources each was last loaded from.
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { exchangeRates } from './exchange-rates.ts';
import { vocabularies } from './vocabularies.ts';

export async function loadedChecksum(db: Queryable, name: string): Promise<string | undefined> {
  const rows = await db.query<{ checksum: string }>(
    sql`SELECT checksum FROM reference_versions WHERE name = ${name}`,
  );
  return rows[0]?.checksum;
}

export async function recordChecksum(tx: Queryable, name: string, checksum: string): Promise<void> {
  await tx.query(sql`INSERT INTO reference_versions (name, checksum) VALUES (${name}, ${checksum})
    ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = now()`);
}

/** One writer per vocabulary, each replacing its table's rows with the current source's. */
export const writers: Record<string, (tx: Queryable) => Promise<void>> = {
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
};
