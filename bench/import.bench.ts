// `tacit import` of 200 documents (the fixtures in every format, copied and made distinct) into a
// throw-away PGlite, as drafts and then confirmed: documents/s, CPU utilisation across the cores
// (process CPU time over wall time, worker threads included) and peak RSS. Target: both cores
// busy, < 500 MB. TACIT_BENCH_IMPORT_COUNT sets another number of documents.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemViewer } from '../src/access/viewer.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { fixtureFormats } from '../src/ingest/testing/fixtures.ts';
import { organisationsService } from '../src/organisations/organisations.service.ts';
import { REPO_ROOT } from '../src/paths.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { type ProcessUsage, sampleProcess } from './process-usage.ts';
import type { BenchSuite } from './suites.ts';

/** The same document with different bytes, still valid in its format. */
function distinctCopy(bytes: Buffer, ext: string, n: number): Buffer {
  const tag = `tacit-bench-copy-${n}`;
  if (ext === '.pdf') return Buffer.concat([bytes, Buffer.from(`\n%${tag}\n`)]);
  if (ext === '.docx') {
    // A zip comment: the end-of-central-directory record is the last 22 bytes when there is none.
    const end = bytes.length - 22;
    if (bytes.readUInt32LE(end) !== 0x06054b50) throw new Error('unexpected zip layout');
    const copy = Buffer.concat([bytes, Buffer.from(tag)]);
    copy.writeUInt16LE(tag.length, end + 20);
    return copy;
  }
  if (ext === '.html') return Buffer.concat([bytes, Buffer.from(`\n<!-- ${tag} -->\n`)]);
  return Buffer.concat([bytes, Buffer.from(`\n\n${tag}\n`)]);
}

function makeDocuments(dir: string, count: number): string[] {
  const sources = [
    'annual-review-peru-colombia-soc',
    'evaluation-brief-xcax75',
    'meeting-report-crimjust-integrity',
    'background-note-ta-effectiveness',
  ].flatMap(fixtureFormats);
  return Array.from({ length: count }, (_, n) => {
    const source = sources[n % sources.length]!;
    const ext = path.extname(source);
    const file = path.join(dir, `${String(n).padStart(3, '0')}-${path.basename(source, ext)}${ext}`);
    fs.writeFileSync(file, distinctCopy(fs.readFileSync(source), ext, n));
    return file;
  });
}

/**
 * Runs the real `tacit import` as its own process on a registry that already exists (created,
 * migrated and closed beforehand), as a user would: creating an embedded database costs memory
 * once, on first start, which is not the import's.
 */
async function timeImport(label: string, docsDir: string, count: number, confirm: boolean, dataDir: string) {
  const db = await openDatabase({ dataDir, databaseUrl: undefined });
  await migrate(db);
  await loadReferenceData(db);
  await organisationsService.create(
    db,
    systemViewer([]),
    { name: 'Bench Importing Agency', aliases: [], type: 'donor_government' },
    { bootstrap: true },
  );
  await db.close();
  const args = ['import', docsDir, '--org', 'Bench Importing Agency', '--json'];
  if (confirm) args.push('--confirm');
  const started = performance.now();
  // bin/tacit.js itself, not `node bin/tacit.js`: its first line carries the Node flags it runs with.
  const child = spawn(path.join(REPO_ROOT, 'bin/tacit.js'), args, {
    env: { ...process.env, TACIT_DATA_DIR: dataDir, TACIT_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let stdout = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  const usage: ProcessUsage = { peakKb: 0, cpuTicks: 0 };
  const sampler = setInterval(() => sampleProcess(child.pid!, usage), 50);
  await new Promise((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    stored: number;
    confirmed: number;
    failed: unknown[];
  };
  const cores = os.availableParallelism();
  const cpuSeconds = usage.cpuTicks / 100;
  console.log(
    `${label}: ${count} documents, ${report.stored} stored, ${report.confirmed} confirmed, ${report.failed.length} failed ` +
      `in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(1)} documents/s (the whole command, start-up included)`,
  );
  console.log(
    `  CPU ${cpuSeconds.toFixed(1)} s over ${seconds.toFixed(1)} s wall = ${((cpuSeconds / seconds / cores) * 100).toFixed(0)}% ` +
      `of ${cores} cores (load average ${os.loadavg()[0]!.toFixed(1)}); peak RSS of the process ${Math.round(usage.peakKb / 1024)} MB (target < 500 MB)`,
  );
}

export const importSuite: BenchSuite = {
  name: 'import',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-bench-import-'));
    const count = Number(process.env.TACIT_BENCH_IMPORT_COUNT ?? 200);
    try {
      const docs = path.join(dir, 'docs');
      fs.mkdirSync(docs);
      makeDocuments(docs, count);
      await timeImport('tacit import (drafts)', docs, count, false, path.join(dir, 'drafts-db'));
      await timeImport('tacit import --confirm', docs, count, true, path.join(dir, 'confirm-db'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
