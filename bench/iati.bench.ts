// IATI import and export figures on the USAID set (139 files, 11,154 activities): parse only,
// import into PGlite and into PostgreSQL (throw-away server), peak RSS, and export time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

async function timeImport(db: Database, files: string[], label: string, parseRate: number) {
  await migrate(db);
  await loadReferenceData(db);
  const stop = trackPeakRss();
  const started = performance.now();
  const report = await importIatiFiles(db, files);
  const seconds = (performance.now() - started) / 1000;
  const rate = report.read / seconds;
  console.log(
    `import into ${label}: ${report.created} activities in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} activities/s ` +
      `(import/parse ratio ${(rate / parseRate).toFixed(2)}), peak RSS ${mb(stop())}`,
  );
  const exportStarted = performance.now();
  const out = fs.createWriteStream(path.join(os.tmpdir(), `tacit-bench-export-${label}.xml`));
  const count = await exportIati(db, ANONYMOUS, {}, (chunk) => {
    if (!out.write(chunk)) return new Promise((resolve) => out.once('drain', () => resolve()));
  });
  await new Promise((resolve) => out.end(resolve));
  console.log(
    `export from ${label}: ${count} activities in ${((performance.now() - exportStarted) / 1000).toFixed(1)} s`,
  );
  fs.rmSync(out.path as string, { force: true });
}

export const iatiSuite: BenchSuite = {
  name: 'iati',
  async run() {
    const files = listIatiFiles([USAID]);
    const stopParse = trackPeakRss();
    const started = performance.now();
    let parsed = 0;
    for (const file of files) for await (const _ of readIatiActivities(file)) parsed++;
    const parseSeconds = (performance.now() - started) / 1000;
    const parseRate = parsed / parseSeconds;
    console.log(
      `parse only: ${parsed} activities in ${parseSeconds.toFixed(1)} s = ${parseRate.toFixed(0)} activities/s, peak RSS ${mb(stopParse())}`,
    );

    // PostgreSQL first: RSS never shrinks, so PGlite's WASM heap would inflate the PostgreSQL peak.
    const server = await startPostgres();
    try {
      const pg = await openDatabase({ databaseUrl: server.url(), dataDir: '' });
      try {
        await timeImport(pg, files, 'postgres', parseRate);
      } finally {
        await pg.close();
      }
    } finally {
      await server.stop();
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-bench-iati-'));
    const lite = await openDatabase({ dataDir, databaseUrl: undefined });
    try {
      await timeImport(lite, files, 'pglite', parseRate);
    } finally {
      await lite.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
