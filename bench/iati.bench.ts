// IATI import and export figures on the USAID set (139 files, 11,154 activities): parse only,
// import into PGlite and into PostgreSQL (throw-away server), peak RSS, and export time, with the
// process's CPU time and the load average (the machine is shared: wall times follow the load).
// Each import runs in a fresh process on a database created beforehand, as `tacit import-iati`
// would, so its peak RSS holds nothing from the other figures (RSS never shrinks). That process
// runs this file alone, not bench/run.ts, so it loads no other suite's modules either.
// TACIT_BENCH_IATI_FILES=20 takes every n-th file down to about 20, for quick comparisons.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * The process's peak RSS: the kernel's high-water mark, not a timer's samples. A timer on this
 * thread cannot fire while PGlite runs a statement, and so missed peaks some 70 MB higher than it saw.
 */
function trackPeakRss() {
  return () => process.resourceUsage().maxRSS * 1024;
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

/** Runs the import and export into an existing database in a fresh process (this suite, child mode). */
async function importInChild(engine: 'postgres' | 'pglite', target: string, parseRate: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: {
      ...process.env,
      TACIT_BENCH_IATI_CHILD: JSON.stringify({ engine, target, parseRate }),
    },
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the ${engine} import process exited with code ${code}`);
}

/** Child mode (this file run directly): open the database the parent prepared, time the import and export. */
async function runChild(spec: string) {
  const { engine, target, parseRate } = JSON.parse(spec) as {
    engine: 'postgres' | 'pglite';
    target: string;
    parseRate: number;
  };
  const db = await openDatabase(
    engine === 'postgres'
      ? { databaseUrl: target, dataDir: '' }
      : { dataDir: target, databaseUrl: undefined },
  );
  try {
    await timeImport(db, benchFiles(), engine, parseRate);
  } finally {
    await db.close();
  }
  // pool.end() resolves before the clients' sockets close; a server stopped at once makes an
  // idle client emit an error that no listener catches (src/db/client.ts has none). Let the
  // terminations land before the parent stops PostgreSQL.
  if (engine === 'postgres') await new Promise((resolve) => setTimeout(resolve, 500));
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

    const server = await startPostgres();
    try {
      const pg = await openDatabase({ databaseUrl: server.url(), dataDir: '' });
      try {
        await migrate(pg);
        await loadReferenceData(pg);
      } finally {
        await pg.close();
      }
      await importInChild('postgres', server.url(), parseRate);
    } finally {
      await server.stop();
    }
    // Creating a PGlite data directory (initdb) takes some 700 MB that it gives back on close; a
    // server does it once, on its first start. So: create and migrate here, import in a child.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-bench-iati-'));
    try {
      const fresh = await openDatabase({ dataDir, databaseUrl: undefined });
      try {
        await migrate(fresh);
        await loadReferenceData(fresh);
      } finally {
        await fresh.close();
      }
      await importInChild('pglite', dataDir, parseRate);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

const childSpec = process.env.TACIT_BENCH_IATI_CHILD;
if (childSpec && process.argv[1] === fileURLToPath(import.meta.url)) await runChild(childSpec);
