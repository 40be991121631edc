import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrationFiles, migrate } from '../src/db/migrate.ts';
import { sql } from '../src/db/sql.ts';
import { createTestDatabase, type TestDatabase, testEngine } from './support/test-db.ts';

describe(`database on ${testEngine()}`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('has every migration applied, and applying again changes nothing', async () => {
    const rows = await t.db.query<{ name: string }>(sql`SELECT name FROM schema_migrations ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual(listMigrationFiles());
    expect((await migrate(t.db)).applied).toEqual([]);
  });

  it('holds the vocabularies: countries in three languages, DAC codes, currencies, themes', async () => {
    const [pe] = await t.db.query<{ name_en: string; name_es: string; name_fr: string }>(
      sql`SELECT name_en, name_es, name_fr FROM countries WHERE code = 'PE'`,
    );
    expect(pe).toEqual({ name_en: 'Peru', name_es: 'Perú', name_fr: 'Pérou' });
    const [dac] = await t.db.query<{ name: string }>(sql`SELECT name FROM dac_codes WHERE code = '15130'`);
    expect(dac?.name).toBe('Legal and judicial development');
    const [gbp] = await t.db.query<{ code: string }>(sql`SELECT code FROM currencies WHERE code = 'GBP'`);
    expect(gbp?.code).toBe('GBP');
    const themes = await t.db.query<{ slug: string }>(sql`SELECT slug FROM themes ORDER BY position`);
    expect(themes).toHaveLength(24);
    expect(themes[0]?.slug).toBe('organised-crime');
  });

  it('rolls back a failed transaction completely', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(sql`INSERT INTO organisations (name) VALUES ('Half-written Org')`);
        await tx.query(sql`INSERT INTO organisations (name, type) VALUES ('Bad', 'not-a-type')`);
      }),
    ).rejects.toThrow();
    const rows = await t.db.query(sql`SELECT 1 FROM organisations WHERE name = 'Half-written Org'`);
    expect(rows).toHaveLength(0);
  });
});
