// SIGKILL at random moments during `tacit import-iati` (batches of 25 activities, so a kill lands
// before, between and inside the batch transactions): afterwards every activity present is whole
// (the same rows in every table as in a clean import), and once the import is run again every
// table holds exactly what a clean import leaves.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { IATI_DIR } from '../support/fixtures.ts';
import { createUnopenedTestDatabase, testEngine } from '../support/test-db.ts';
import { rowsPerActivity, runTacit, searchBucketsAgree, seededRandom, tableCounts } from './crash-support.ts';

const RUNS = Number(process.env.TACIT_CRASH_RUNS ?? 20);
const IMPORT = ['import-iati', path.join(IATI_DIR, 'usaid', 'usaid-mx.xml.gz'), '--batch-size', '25'];
// What records events, not the registry's state: each attempt leaves its own entries there. And
// search_buckets: an entry's bucket follows a sequence, which a rolled-back batch advances too, so
// which buckets fill differs; searchBucketsAgree checks that its counts match the entries instead.
// search_names_changes is a version counter whose rows are compacted whenever a writer gets to it.
const NOT_COMPARED = ['audit_log', 'iati_import_jobs', 'search_buckets', 'search_names_changes'];

type Env = Record<string, string>;
const configOf = (env: Env) => ({ databaseUrl: env.DATABASE_URL, dataDir: env.TACIT_DATA_DIR ?? '' });

async function inspect(env: Env) {
  const db = await openDatabase(configOf(env));
  try {
    expect(await searchBucketsAgree(db)).toBe(true);
    return { counts: await tableCounts(db, NOT_COMPARED), activities: await rowsPerActivity(db) };
  } finally {
    await db.close();
  }
}

describe(`SIGKILL during an IATI import on ${testEngine()}`, () => {
  const drops: (() => Promise<void>)[] = [];
  let clean: Awaited<ReturnType<typeof inspect>>;
  let cleanMs = 0;
  const random = seededRandom(`crash-iati ${testEngine()}`);
  const tally = { runs: 0, killedMidImport: 0, partialStates: 0 };

  beforeAll(async () => {
    const { env, drop } = await createUnopenedTestDatabase();
    drops.push(drop);
    const run = await runTacit(IMPORT, env);
    expect(run.code, run.stderr).toBe(0);
    cleanMs = run.ms;
    clean = await inspect(env);
    expect(clean.activities.size).toBe(289);
  });
  afterAll(async () => {
    console.log(`crash-iati ${testEngine()}: ${JSON.stringify(tally)} (clean import ${cleanMs} ms)`);
    for (const drop of drops) await drop();
  });

  for (let run = 1; run <= RUNS; run++) {
    it(`run ${run}: whole activities only, then the clean counts`, async () => {
      const { env, drop } = await createUnopenedTestDatabase();
      drops.push(drop);
      // Anywhere from start-up to the end of a clean import's time.
      const killed = await runTacit(IMPORT, env, Math.floor(random() * cleanMs));
      tally.runs++;
      const after = await inspect(env);
      if (killed.signal === 'SIGKILL') {
        tally.killedMidImport++;
        if (after.activities.size > 0 && after.activities.size < clean.activities.size) tally.partialStates++;
      }
      for (const [key, rows] of after.activities) expect(rows, key).toBe(clean.activities.get(key));

      const again = await runTacit(IMPORT, env);
      expect(again.code, again.stderr).toBe(0);
      const repaired = await inspect(env);
      expect(repaired.counts).toEqual(clean.counts);
      expect(repaired.activities).toEqual(clean.activities);
    });
  }
});
