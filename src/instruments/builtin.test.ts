// Loading the built-in instruments at start-up: once, at version 1; a second start adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.ts';
import { sql } from '../db/sql.ts';
import { writeBuiltInInstruments } from './builtin.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const versions = () =>
  t.db.query<{ key: string; built_in: boolean; versions: number }>(sql`SELECT i.key, i.built_in,
    (SELECT count(*) FROM instrument_versions v WHERE v.instrument_id = i.id) AS versions
    FROM instruments i ORDER BY i.key`);

describe('built-in instruments in the database', () => {
  it('are loaded with the vocabularies, each at version 1, and loading again adds no version', async () => {
    const expected = [
      'cj-assessment-clusters',
      'cj-integrity',
      'heuni-checklist',
      'paris-declaration',
      'ta-principles',
    ].map((key) => ({ key, built_in: true, versions: 1 }));
    expect(await versions()).toEqual(expected);
    await t.db.transaction((tx) => writeBuiltInInstruments(tx));
    expect(await versions()).toEqual(expected);
  });
});
