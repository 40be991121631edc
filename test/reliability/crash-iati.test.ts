// SIGKILL at random moments during `tacit import-iati` (batches of 25 activities, so a kill lands
// before, between and inside the batch transactions): afterwards every activity present is whole
// (the same rows in every table as in a clean import), and once the import is run again every
// table holds exactly what a clean import leaves.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IATI_DIR } from '../support/fixtures.ts';
import { createUnopenedTestDatabase, testEngine } from '../support/test-db.ts';
import {
  crashBookkeeping,
  type Env,
  inspectDatabase,
  rowsPerActivity,
  runTacit,
  tableCounts,
} from './crash-support.ts';

const RUNS = Number(process.env.TACIT_CRASH_RUNS ?? 20);
const IMPORT = ['import-iati', path.join(IATI_DIR, 'usaid', 'usaid-mx.xml.gz'), '--batch-size', '25'];
// What records events, not the registry's state: each attempt leaves its own entries there. And
// search_buckets: an entry's bucket follows a sequence, which a rolled-back batch advances too, so
// which buckets fill differs; searchBucketsAgree checks that its counts match the entries instead.
// search_names_changes is a version counter whose rows are compacted whenever a writer gets to it.
const NOT_COMPARED = ['audit_log', 'iati_import_jobs', 'search_buckets', 'search_names_changes'];

const inspect = (env: Env) =>
  inspectDatabase(env, async (db) => ({
    counts: await tableCounts(db, NOT_COMPARED),
    activities: await rowsPerActivity(db),
  }));

describe(`SIGKILL during an IATI import on ${testEngine()}`, () => {
  const book = crashBookkeeping(`crash-iati ${testEngine()}`);
  const { tally } = book;
  let clean: Awaited<ReturnType<typeof inspect>>;

  beforeAll(async () => {
    const { env } = book.keep(await createUnopenedTestDatabase());
    const run = await runTacit(IMPORT, env);
    expect(run.code, run.stderr).toBe(0);
    book.cleanMs = run.ms;
    clean = await inspect(env);
    expect(clean.activities.size).toBe(289);
  });

  for (let run = 1; run <= RUNS; run++) {
    it(`run ${run}: whole activities only, then the clean counts`, async () => {
      const { env } = book.keep(await createUnopenedTestDatabase());
      // Anywhere from start-up to the end of a clean import's time.
      const killed = await runTacit(IMPORT, env, Math.floor(book.random() * book.cleanMs));
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
