// `tacit import` of 200 documents (the fixtures in every format, copied and made distinct) into a
// throw-away PGlite, as drafts and then confirmed: documents/s, CPU utilisation across the cores
// (process CPU time over wall time, worker threads included) and peak RSS. Target: both cores
// busy, < 500 MB. TACIT_BENCH_IMPORT_COUNT sets another number of documents.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemViewer } from '../src/access/viewer.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { importDocuments } from '../src/documents/import/import.service.ts';
import { fixtureFormats } from '../src/ingest/testing/fixtures.ts';
import { organisationsService } from '../src/organisations/organisations.service.ts';
import { loadReferenceData } from '../src/reference/load.ts';
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

async function timeImport(label: string, files: string[], confirm: boolean, dataDir: string) {
  const db = await openDatabase({ dataDir, databaseUrl: undefined });
  await migrate(db);
  await loadReferenceData(db);
  const owner = await organisationsService.create(
    db,
    systemViewer([]),
    { name: 'Bench Importing Agency', aliases: [], type: 'donor_government' },
    { bootstrap: true },
  );
  // PGlite's WASM heap alone is a few hundred MB; printed apart so the import's own share shows.
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await importDocuments(db, files, { ownerOrgId: owner.id, visibility: 'owner', confirm });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await db.close();
  const cores = os.availableParallelism();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `${label}: ${files.length} documents, ${report.stored} stored, ${report.confirmed} confirmed, ${report.failed.length} failed ` +
      `in ${seconds.toFixed(1)} s = ${(files.length / seconds).toFixed(1)} documents/s`,
  );
  console.log(
    `  CPU ${cpuSeconds.toFixed(1)} s over ${seconds.toFixed(1)} s wall = ${((cpuSeconds / seconds / cores) * 100).toFixed(0)}% ` +
      `of ${cores} cores (load average ${os.loadavg()[0]!.toFixed(1)}); peak RSS ${Math.round(peak / 1024 / 1024)} MB (target < 500 MB), of which ${Math.round(baseline / 1024 / 1024)} MB before the import (PGlite open)`,
  );
  for (const f of report.failed.slice(0, 5)) console.log(`  failed: ${path.basename(f.file)}: ${f.reason}`);
}

export const importSuite: BenchSuite = {
  name: 'import',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-bench-import-'));
    const count = Number(process.env.TACIT_BENCH_IMPORT_COUNT ?? 200);
    try {
      const docs = path.join(dir, 'docs');
      fs.mkdirSync(docs);
      const files = makeDocuments(docs, count);
      await timeImport('import (drafts)', files, false, path.join(dir, 'drafts-db'));
      await timeImport('import --confirm', files, true, path.join(dir, 'confirm-db'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
