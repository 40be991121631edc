// IATI import and export figures on the USAID set (139 files, 11,154 activities): parse only,
// then `tacit import-iati` and `tacit export-iati` as a user runs them (bin/tacit.js, with the
// Node flags of its first line), into PGlite and into a throw-away PostgreSQL, each on a database
// migrated beforehand. The command's peak RSS is the kernel's high-water mark (VmHWM), read from
// /proc while it runs; the rate counts from the command's own clock (from the database open to
// its close; the whole command's time, start-up included, is printed beside it). The machine is shared: the load average is printed with each figure.
// TACIT_BENCH_IATI_FILES=20 takes every n-th file down to about 20, for quick comparisons.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { listIatiFiles } from '../src/iati/import.service.ts';
import { readIatiActivities } from '../src/iati/reader.ts';
import { REPO_ROOT } from '../src/paths.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { startPostgres } from '../test/support/postgres-server.ts';
import { record } from './budget.ts';
import { runTacit } from './process-usage.ts';
import type { BenchSuite } from './suites.ts';

const USAID = path.resolve(REPO_ROOT, '../shared/fixtures/iati/usaid');

const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
const load = () => `load ${os.loadavg()[0]!.toFixed(1)}`;

/** The files: all of them, or every n-th down to about TACIT_BENCH_IATI_FILES. */
function benchFiles(): string[] {
  const all = listIatiFiles([USAID]);
  const want = Number(process.env.TACIT_BENCH_IATI_FILES ?? all.length);
  if (!(want > 0 && want < all.length)) return all;
  const step = Math.ceil(all.length / want);
  return all.filter((_, i) => i % step === 0);
}

async function importAndExport(
  label: string,
  env: Record<string, string>,
  files: string[],
  parseRate: number,
) {
  const startLoad = load();
  const run = await runTacit(['import-iati', ...files], env);
  const m = /(\d+) activities read in ([\d.]+) s: (\d+) created/.exec(run.stdout);
  if (!m) throw new Error(`unexpected output of tacit import-iati: ${run.stdout}`);
  const [read, seconds, created] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const rate = read / seconds;
  console.log(
    `import into ${label}: ${created} activities in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} activities/s ` +
      `(import/parse ratio ${(rate / parseRate).toFixed(2)}), peak RSS ${mb(run.peakKb)}, ` +
      `the whole command ${run.seconds.toFixed(1)} s and ${run.cpuSeconds.toFixed(1)} s of CPU, ${startLoad} -> ${load()}`,
  );
  const engine = /pglite/i.test(label) ? 'pglite' : 'postgres';
  record(`iati/${engine}/import rate`, rate, 'activities/s');
  record(`iati/${engine}/import peak RSS`, run.peakKb / 1024, 'MB');
  const out = path.join(os.tmpdir(), `tacit-bench-export-${process.pid}.xml`);
  const exported = await runTacit(['export-iati', '--output', out], env);
  const size = fs.statSync(out).size;
  fs.rmSync(out, { force: true });
  console.log(
    `export from ${label}: ${(size / 1e6).toFixed(0)} MB of XML in ${exported.seconds.toFixed(1)} s (the whole command), ` +
      `peak RSS ${mb(exported.peakKb)}, ${load()}`,
  );
  record(`iati/${engine}/export`, exported.seconds, 's');
}

export const iatiSuite: BenchSuite = {
  name: 'iati',
  async run() {
    const files = benchFiles();
    console.log(`${files.length} files, ${load()}`);
    const started = performance.now();
    let parsed = 0;
    for (const file of files) for await (const _ of readIatiActivities(file)) parsed++;
    const parseSeconds = (performance.now() - started) / 1000;
    const parseRate = parsed / parseSeconds;
    console.log(
      `parse only: ${parsed} activities in ${parseSeconds.toFixed(1)} s = ${parseRate.toFixed(0)} activities/s, ${load()}`,
    );

    const server = await startPostgres();
    try {
      const pg = await openDatabase({ databaseUrl: server.url(), dataDir: '' });
      try {
        await migrate(pg);
        await loadReferenceData(pg);
      } finally {
        await pg.close();
      }
      await importAndExport('PostgreSQL', { DATABASE_URL: server.url() }, files, parseRate);
    } finally {
      await server.stop();
    }
    // Creating a PGlite data directory (initdb) takes some 700 MB that it gives back on close; a
    // server does it once, on its first start. So: create and migrate here, import in the command.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-bench-iati-'));
    try {
      const fresh = await openDatabase({ dataDir, databaseUrl: undefined });
      try {
        await migrate(fresh);
        await loadReferenceData(fresh);
      } finally {
        await fresh.close();
      }
      await importAndExport('PGlite', { TACIT_DATA_DIR: dataDir }, files, parseRate);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
