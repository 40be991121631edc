// IATI import and export figures on the USAID set (139 files, 11,154 activities): parse only,
// import into PGlite and into PostgreSQL (throw-away server), peak RSS, and export time, with the
// process's CPU time and the load average (the machine is shared: wall times follow the load).
// TACIT_BENCH_IATI_FILES=20 takes every n-th file down to about 20, for quick comparisons.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ANONYMOUS } from '../src/access/viewer.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { exportIati } from '../src/iati/export.ts';
import { importIatiFiles, listIatiFiles } from '../src/iati/import.service.ts';
import { readIatiActivities } from '../src/iati/reader.ts';
import { REPO_ROOT } from '../src/paths.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { startPostgres } from '../test/support/postgres-server.ts';
import type { BenchSuite } from './suites.ts';

const USAID = path.resolve(REPO_ROOT, '../shared/fixtures/iati/usaid');

function trackPeakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const load = () => `load ${os.loadavg()[0]!.toFixed(1)}`;

/** The files: all of them, or every n-th down to about TACIT_BENCH_IATI_FILES. */
function benchFiles(): string[] {
  const all = listIatiFiles([USAID]);
  const want = Number(process.env.TACIT_BENCH_IATI_FILES ?? all.length);
  if (!(want > 0 && want < all.length)) return all;
  const step = Math.ceil(all.length / want);
  return all.filter((_, i) => i % step === 0);
}

/** A full collection, so the memory a closed database held is not counted in the next figure. */
function collect(): void {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function timeImport(db: Database, files: string[], label: string, parseRate: number) {
  const startRss = process.memoryUsage().rss;
  const stop = trackPeakRss();
  const started = performance.now();
  const startLoad = load();
  const cpu = process.cpuUsage();
  const report = await importIatiFiles(db, files);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const rate = report.read / seconds;
  console.log(
    `import into ${label}: ${report.created} activities in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} activities/s ` +
      `(import/parse ratio ${(rate / parseRate).toFixed(2)}), peak RSS ${mb(stop())} (${mb(startRss)} at the start), ` +
      `this process's CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, ${startLoad} -> ${load()}`,
  );
  const exportStarted = performance.now();
  const out = fs.createWriteStream(path.join(os.tmpdir(), `tacit-bench-export-${label}.xml`));
  const count = await exportIati(db, ANONYMOUS, {}, (chunk) => {
    if (!out.write(chunk)) return new Promise((resolve) => out.once('drain', () => resolve()));
  });
  await new Promise((resolve) => out.end(resolve));
  console.log(
    `export from ${label}: ${count} activities in ${((performance.now() - exportStarted) / 1000).toFixed(1)} s, ${load()}`,
  );
  fs.rmSync(out.path as string, { force: true });
}

export const iatiSuite: BenchSuite = {
  name: 'iati',
  async run() {
    const files = benchFiles();
    console.log(`${files.length} files, ${load()}`);
    const stopParse = trackPeakRss();
    const started = performance.now();
    let parsed = 0;
    for (const file of files) for await (const _ of readIatiActivities(file)) parsed++;
    const parseSeconds = (performance.now() - started) / 1000;
    const parseRate = parsed / parseSeconds;
    console.log(
      `parse only: ${parsed} activities in ${parseSeconds.toFixed(1)} s = ${parseRate.toFixed(0)} activities/s, peak RSS ${mb(stopParse())}, ${load()}`,
    );

    // PostgreSQL first: RSS never shrinks, so PGlite's WASM heap would inflate the PostgreSQL peak.
    const server = await startPostgres();
    try {
      const pg = await openDatabase({ databaseUrl: server.url(), dataDir: '' });
      try {
        await migrate(pg);
        await loadReferenceData(pg);
        await timeImport(pg, files, 'postgres', parseRate);
      } finally {
        await pg.close();
        // pool.end() resolves before the clients' sockets close; a server stopped at once makes an
        // idle client emit an error that no listener catches (src/db/client.ts has none), and the
        // bench died there before the PGlite figures. Let the terminations land first.
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      await server.stop();
    }
    // Creating a PGlite data directory (initdb) takes some 700 MB that it gives back on close; a
    // server does it once, on its first start. So: create and migrate, close, open again, import.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-bench-iati-'));
    try {
      const fresh = await openDatabase({ dataDir, databaseUrl: undefined });
      try {
        await migrate(fresh);
        await loadReferenceData(fresh);
      } finally {
        await fresh.close();
      }
      collect();
      const lite = await openDatabase({ dataDir, databaseUrl: undefined });
      try {
        await timeImport(lite, files, 'pglite', parseRate);
      } finally {
        await lite.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
