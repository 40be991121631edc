// Statements planned once per connection (prepared.ts), on the engine this project runs: the values
// arrive exactly as bound parameters would, the plan is generic, and nothing else changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.ts';
import { literal, PreparedStatements, statementName } from './prepared.ts';
import { sql } from './sql.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const awkward = `it's a "quote", a back\\slash, {braces}, a comma, é, 😀 and '); DROP TABLE organisations; --`;

describe('a reused statement', () => {
  it('receives every kind of value exactly as a bound parameter', async () => {
    const statement = sql`SELECT ${awkward}::text AS text, ${[awkward, null, 'plain', '']}::text[] AS texts,
      ${['6d1f8a52-5e0f-4a3e-9d5e-2b1c3d4e5f60']}::uuid[] AS ids, ${42}::int AS n, ${-0.125}::float8 AS x,
      ${true}::boolean AS yes, ${null}::text AS nothing, ${{ a: "b'c" }}::jsonb AS doc,
      ${"'anti-corrupt' & 'train'"}::tsquery::text AS q`;
    const bound = await t.db.query(statement);
    const reused = await t.db.queryReused(statement);
    expect(reused).toEqual(bound);
    expect(reused[0]!.text).toBe(awkward);
    expect(reused[0]!.texts).toEqual([awkward, null, 'plain', '']);
    // The text that tried to end the literal stayed a value.
    const [count] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM organisations`);
    expect(count!.n).toBeGreaterThanOrEqual(0);
  });

  it('is planned once, generically, and leaves the session planning other statements as before', async () => {
    await t.db.transaction(async (tx) => {
      const byName = (name: string) => sql`SELECT count(*)::int AS n FROM organisations WHERE name = ${name}`;
      for (const name of ['A', 'B', 'C']) await tx.queryReused(byName(name));
      const [plans] = await tx.query<{ generic: number; custom: number; statements: number }>(sql`
        SELECT sum(generic_plans)::int AS generic, sum(custom_plans)::int AS custom, count(*)::int AS statements
        FROM pg_prepared_statements WHERE statement LIKE '%FROM organisations WHERE name = $1%'`);
      expect(plans).toEqual({ generic: 3, custom: 0, statements: 1 });
      const [mode] = await tx.query<{ plan_cache_mode: string }>(sql`SHOW plan_cache_mode`);
      expect(mode!.plan_cache_mode).toBe('auto');
    });
  });

  it('reports a failure, leaves the session as it was, and runs again afterwards', async () => {
    const divide = (by: number) => sql`SELECT (10 / ${by}::int)::int AS n`;
    await expect(t.db.queryReused(divide(0))).rejects.toThrow(/division by zero/);
    expect(await t.db.queryReused(divide(5))).toEqual([{ n: 2 }]);
    const [mode] = await t.db.query<{ plan_cache_mode: string }>(sql`SHOW plan_cache_mode`);
    expect(mode!.plan_cache_mode).toBe('auto');
    // A statement that cannot be prepared is not taken as prepared: the corrected one runs.
    await expect(t.db.queryReused(sql`SELECT nonsense FROM nowhere WHERE x = ${1}`)).rejects.toThrow(
      /nowhere/,
    );
    expect(await t.db.queryReused(divide(2))).toEqual([{ n: 5 }]);
  });

  it('answers when the connection lost the statement, and prepares it again', async () => {
    const plusOne = (n: number) => sql`SELECT ${n}::int + 1 AS n`;
    expect(await t.db.queryReused(plusOne(1))).toEqual([{ n: 2 }]);
    // As when a pooler hands this process another server connection.
    await t.db.exec('DEALLOCATE ALL');
    expect(await t.db.queryReused(plusOne(2))).toEqual([{ n: 3 }]);
    // A server connection that has it already, under the name its text gives.
    const { text } = plusOne(0).toQuery();
    await t.db.exec(`PREPARE ${statementName(text)} AS ${text}`);
    expect(await t.db.queryReused(plusOne(3))).toEqual([{ n: 4 }]);
  });

  it('answers calls made at once, the first of which prepares it', async () => {
    const times = (n: number) => sql`SELECT ${n}::int * 7 AS n`;
    const answers = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => t.db.queryReused(times(n))));
    expect(answers).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [{ n: n * 7 }]));
  });

  it('refuses values it cannot write as text, with what to do instead', () => {
    expect(() => literal('a\0b')).toThrow(/NUL/);
    expect(() => literal(new Date())).toThrow(/pass them as text/);
    expect(() => literal(Number.NaN)).toThrow(/NaN/);
    expect(() => literal([['nested']])).toThrow(/one dimension/);
    expect(literal(null)).toBe('NULL');
    expect(literal("o'k\\")).toBe("E'o''k\\\\'");
  });
});

describe('the statements one connection keeps', () => {
  it('drop the least recently used past their limit', () => {
    const kept = new PreparedStatements(2);
    const shape = (n: number) => sql.raw(`SELECT ${n}`);
    const name = (n: number) => statementName(`SELECT ${n}`);
    expect(kept.statements(shape(1)).prepare).toEqual([`PREPARE ${name(1)} AS SELECT 1`]);
    expect(kept.statements(shape(2)).prepare).toEqual([`PREPARE ${name(2)} AS SELECT 2`]);
    // Using the first again makes the second the oldest.
    expect(kept.statements(shape(1)).prepare).toEqual([]);
    expect(kept.statements(shape(3)).prepare).toEqual([
      `DEALLOCATE ${name(2)}`,
      `PREPARE ${name(3)} AS SELECT 3`,
    ]);
    expect(kept.statements(shape(1)).run).toBe(
      `SET plan_cache_mode = force_generic_plan; EXECUTE ${name(1)}; RESET plan_cache_mode`,
    );
  });
});
