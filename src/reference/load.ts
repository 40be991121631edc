// Copies the in-memory vocabularies into their tables when the files they come from changed.
// A checksum per vocabulary keeps a warm start from rewriting hundreds of rows each time.
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { vocabularies } from './vocabularies.ts';

function checksum(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

async function loadIfChanged(
  db: Database,
  name: string,
  rows: unknown[],
  write: (tx: Queryable) => Promise<void>,
) {
  const sum = checksum(rows);
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

export async function loadReferenceData(db: Database): Promise<string[]> {
  const loaded: string[] = [];
  const countries = [...vocabularies.countries().values()];
  if (
    await loadIfChanged(db, 'countries', countries, async (tx) => {
      await tx.query(sql`INSERT INTO countries (code, name_en, name_es, name_fr)
        SELECT * FROM unnest(${countries.map((c) => c.code)}::text[], ${countries.map((c) => c.names.en)}::text[],
          ${countries.map((c) => c.names.es)}::text[], ${countries.map((c) => c.names.fr)}::text[])
        ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_es = EXCLUDED.name_es, name_fr = EXCLUDED.name_fr`);
    })
  )
    loaded.push('countries');

  const themes = [...vocabularies.themes().values()];
  if (
    await loadIfChanged(db, 'themes', themes, async (tx) => {
      for (const [i, t] of themes.entries()) {
        await tx.query(sql`INSERT INTO themes (slug, label_en, label_es, label_fr, dac_codes, position)
          VALUES (${t.slug}, ${t.labels.en}, ${t.labels.es}, ${t.labels.fr}, ${t.dacCodes}, ${i})
          ON CONFLICT (slug) DO UPDATE SET label_en = EXCLUDED.label_en, label_es = EXCLUDED.label_es,
            label_fr = EXCLUDED.label_fr, dac_codes = EXCLUDED.dac_codes, position = EXCLUDED.position`);
      }
    })
  )
    loaded.push('themes');

  const dac = [...vocabularies.dacCodes().values()];
  if (
    await loadIfChanged(db, 'dac_codes', dac, async (tx) => {
      await tx.query(sql`INSERT INTO dac_codes (code, name, description, category)
        SELECT * FROM unnest(${dac.map((d) => d.code)}::text[], ${dac.map((d) => d.name)}::text[],
          ${dac.map((d) => d.description ?? null)}::text[], ${dac.map((d) => d.category ?? null)}::text[])
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
          category = EXCLUDED.category`);
    })
  )
    loaded.push('dac_codes');

  const currencies = [...vocabularies.currencies().entries()];
  if (
    await loadIfChanged(db, 'currencies', currencies, async (tx) => {
      await tx.query(sql`INSERT INTO currencies (code, name)
        SELECT * FROM unnest(${currencies.map((c) => c[0])}::text[], ${currencies.map((c) => c[1])}::text[])
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`);
    })
  )
    loaded.push('currencies');
  return loaded;
}
