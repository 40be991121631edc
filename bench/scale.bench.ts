// The scale suite (issue 23), on a throw-away PostgreSQL: the registry grows in steps (100k, 250k,
// 500k, 1M projects; `--max 250k` stops earlier, `--steps 10k,50k` chooses others) through the
// projects bulk repository (bench/scale-data.ts), and at each step: the write rate of the import's
// path at that size (the rest of the step is generated as a bulk load),
// faceted search p50/p95, overlaps for a draft p95, the 3W matrix, this process's memory; at the
// first step, `tacit export-iati` of the whole registry (100,000 activities on the default
// steps). Not part of a plain `npm run bench`: name it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ANONYMOUS } from '../src/access/viewer.ts';
import { analyticsService } from '../src/coordination/analytics.service.ts';
import { MATRIX_PAGE, OverlapRequest } from '../src/coordination/coordination.schema.ts';
import { overlapsService } from '../src/coordination/overlaps.service.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { SearchQuery } from '../src/search/search.schema.ts';
import { searchService } from '../src/search/search.service.ts';
import { startPostgres } from '../test/support/postgres-server.ts';
import { benchArgs } from './args.ts';
import { record } from './budget.ts';
import { percentile, sortedTimings } from './load.ts';
import { runTacit } from './process-usage.ts';
import {
  createScaleOrganisations,
  generateScaleProjects,
  type ScaleOrganisation,
  type ScaleVocabulary,
  scaleVocabulary,
  writeScaleProjects,
} from './scale-data.ts';
import { member } from './search.bench.ts';
import type { BenchSuite } from './suites.ts';

const DEFAULT_STEPS = [100_000, 250_000, 500_000, 1_000_000];
/** Projects of each step written through the import's write path, triggers on, and timed. */
const WRITE_SAMPLE = 10_000;
const load = () => `load ${os.loadavg()[0]!.toFixed(2)}`;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** The steps to run: `--steps`, or the default ones, cut at `--max`. */
export function scaleSteps(): number[] {
  const steps = benchArgs.steps ?? DEFAULT_STEPS;
  const max = benchArgs.max ?? Number.POSITIVE_INFINITY;
  const kept = steps.filter((n) => n <= max);
  return kept.length ? kept : [Math.min(max, steps[0]!)];
}

/** This process's resident memory, sampled every second; the peak since the last reset. */
class MemorySampler {
  peak = 0;
  private timer = setInterval(() => this.sample(), 1000);
  sample() {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }
  reset() {
    this.sample();
    const peak = this.peak;
    this.peak = 0;
    return peak;
  }
  stop() {
    clearInterval(this.timer);
  }
}

const timings = sortedTimings;

const fmt = (ms: number[]) =>
  `p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, ${load()}`;

async function measureReads(db: Database, n: number, v: ScaleVocabulary, orgs: ScaleOrganisation[]) {
  const viewer = member(orgs[0]!.id);
  // Words spread over the vocabulary, a different one each query, so no answer is cached.
  const word = (i: number) => v.titleWords[(i * 7919 + n) % v.titleWords.length]!;
  const country = (i: number) => v.countries[(i * 31) % v.countries.length];
  const theme = (i: number) => v.themes[(i * 17) % v.themes.length];
  const search = (q: Record<string, unknown>) => searchService.search(db, viewer, SearchQuery.parse(q));
  const kinds: [string, (i: number) => Record<string, unknown>][] = [
    ['one word, all facets', (i) => ({ q: word(i) })],
    [
      'two words + country + theme',
      (i) => ({ q: `${word(i)} ${word(i + 1)}`, country: country(i), theme: theme(i) }),
    ],
    ['a country, newest first (no words)', (i) => ({ country: country(i), kind: 'project', sort: 'date' })],
    [
      'one word + DAC code, newest first',
      (i) => ({ q: word(i), dac: v.sectors[i % v.sectors.length], sort: 'date' }),
    ],
  ];
  const all: number[] = [];
  for (const [label, query] of kinds) {
    const ms = await timings(20, (i) => search(query(i)));
    all.push(...ms);
    console.log(`  ${n}: search, ${label}: ${fmt(ms)}`);
  }
  all.sort((a, b) => a - b);
  record('scale/search p50', percentile(all, 50), 'ms');
  record('scale/search p95', percentile(all, 95), 'ms');
  const overlaps = await timings(20, (i) =>
    overlapsService.findOverlaps(
      db,
      viewer,
      OverlapRequest.parse({
        title: `${word(i)} ${word(i + 3)} ${word(i + 4)}`,
        description: `${v.sentences[(i * 13) % v.sentences.length]}`,
        countries: [country(i)],
        themes: [theme(i)],
        start: '2018',
        end: '2022',
      }),
    ),
  );
  console.log(`  ${n}: overlaps for one draft: ${fmt(overlaps)}`);
  record('scale/overlaps p95', percentile(overlaps, 95), 'ms');
  // The first page of the whole matrix, as GET /coordination/matrix gives it as JSON (its largest
  // cells): every cell has to be read and ordered, only the page is sent.
  let total = 0;
  const matrix = await timings(3, async () => {
    total = (await analyticsService.matrix(db, ANONYMOUS, { currency: 'USD', limit: MATRIX_PAGE })).total;
  });
  console.log(`  ${n}: 3W matrix over all data (first ${MATRIX_PAGE} of ${total} cells): ${fmt(matrix)}`);
  record('scale/3W matrix', matrix[matrix.length - 1]!, 'ms');
}

async function exportAll(url: string, n: number) {
  const out = path.join(os.tmpdir(), `tacit-bench-scale-export-${process.pid}.xml`);
  try {
    const run = await runTacit(['export-iati', '--output', out], { DATABASE_URL: url });
    const size = fs.statSync(out).size;
    console.log(
      `  ${n}: tacit export-iati of ${n} activities: ${(size / 1e6).toFixed(0)} MB of XML in ${run.seconds.toFixed(1)} s, ` +
        `peak RSS ${(run.peakKb / 1024).toFixed(0)} MB, ${load()}`,
    );
    record('scale/IATI export time', run.seconds, 's');
    record('scale/IATI export peak RSS', run.peakKb / 1024, 'MB');
  } finally {
    fs.rmSync(out, { force: true });
  }
}

export const scaleSuite: BenchSuite = {
  name: 'scale',
  optIn: true,
  async run() {
    const steps = scaleSteps();
    console.log(`steps: ${steps.join(', ')} projects on PostgreSQL, ${load()}`);
    const server = await startPostgres();
    const memory = new MemorySampler();
    let db: Database | undefined;
    try {
      const admin = await openDatabase({ databaseUrl: server.url(), dataDir: '' });
      await admin.exec('CREATE DATABASE bench_scale');
      await admin.close();
      const url = server.url('bench_scale');
      db = await openDatabase({ databaseUrl: url, dataDir: '' });
      await migrate(db);
      await loadReferenceData(db);
      const v = await scaleVocabulary(db);
      const orgs = await createScaleOrganisations(db, v);
      console.log(
        `vocabulary of the USAID set: ${v.titleWords.length} title words, ${v.sentences.length} sentences, ` +
          `${orgs.length} organisations, ${v.countries.length} countries, ${v.sectors.length} sectors, ${v.themes.length} themes`,
      );
      memory.reset(); // the fixtures' reading is set-up, not the curve
      let have = 0;
      const peaks: number[] = [];
      for (const n of steps) {
        // The step is generated as a bulk load (triggers off, indexed once), but for its last
        // WRITE_SAMPLE projects, written as the IATI import writes: their rate is the figure.
        const sample = Math.min(WRITE_SAMPLE, n - have);
        let t = performance.now();
        await generateScaleProjects(db, v, orgs, have, n - sample);
        console.log(
          `  ${n}: generated ${n - sample - have} projects in ${((performance.now() - t) / 1000).toFixed(0)} s, ${load()}`,
        );
        t = performance.now();
        await writeScaleProjects(db, v, orgs, n - sample, n);
        const seconds = (performance.now() - t) / 1000;
        console.log(
          `  ${n}: wrote ${sample} projects through the import's write path in ${seconds.toFixed(1)} s, ${load()}`,
        );
        record('scale/load rate', sample / seconds, 'projects/s');
        have = n;
        // What autovacuum would have done by the time a registry this size is read.
        await db.exec('VACUUM ANALYZE');
        await measureReads(db, n, v, orgs);
        if (n === steps[0]) await exportAll(url, n);
        const peak = mb(memory.reset());
        peaks.push(peak);
        record('scale/peak RSS', peak, 'MB');
      }
      if (peaks.length > 1) record('scale/memory growth', peaks[peaks.length - 1]! / peaks[0]!, '×');
    } finally {
      memory.stop();
      await db?.close();
      await server.stop();
    }
  },
};
