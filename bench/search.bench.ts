// Search and coordination figures on a generated registry (bench/search-data.ts): faceted search,
// overlaps for a draft, the 3W matrix over all data, on PGlite and on PostgreSQL; then the USAID
// IATI set for the two d-portal comparisons. Set TACIT_BENCH_PROJECTS / TACIT_BENCH_PASSAGES to
// run smaller.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ANONYMOUS, type Viewer } from '../src/access/viewer.ts';
import { analyticsService } from '../src/coordination/analytics.service.ts';
import { OverlapRequest } from '../src/coordination/coordination.schema.ts';
import { overlapsService } from '../src/coordination/overlaps.service.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { importIatiFiles, listIatiFiles } from '../src/iati/import.service.ts';
import { REPO_ROOT } from '../src/paths.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { SearchQuery } from '../src/search/search.schema.ts';
import { searchService } from '../src/search/search.service.ts';
import { startPostgres } from '../test/support/postgres-server.ts';
import { record } from './budget.ts';
import { percentile, sortedTimings } from './load.ts';
import { type GeneratedRegistry, generateRegistry } from './search-data.ts';
import type { BenchSuite } from './suites.ts';

const PROJECTS = Number(process.env.TACIT_BENCH_PROJECTS ?? 100_000);
const PASSAGES = Number(process.env.TACIT_BENCH_PASSAGES ?? 500_000);
const USAID = path.resolve(REPO_ROOT, '../shared/fixtures/iati/usaid');

async function timings(runs: number, fn: (i: number) => Promise<unknown>) {
  const ms = await sortedTimings(runs, fn);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

const fmt = (r: { p50: number; p95: number }) => `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`;

/** A reader who is a member of one organisation (the scale suite reads as one too). */
export function member(orgId: string): Viewer {
  return {
    userId: 'bench',
    email: 'bench@example.org',
    memberships: new Map([[orgId, 'viewer']]),
    scope: 'read',
  };
}

async function measureRegistry(db: Database, label: string, g: GeneratedRegistry) {
  const viewer = member(g.orgIds[0]!);
  const word = (i: number) => g.titleWords[(i * 7919) % g.titleWords.length]!;
  const search = (q: Record<string, unknown>) => searchService.search(db, viewer, SearchQuery.parse(q));
  const text = await timings(20, (i) => search({ q: word(i) }));
  console.log(`  ${label} search, one word, all facets: ${fmt(text)}`);
  record('search/one word p50', text.p50, 'ms');
  record('search/one word p95', text.p95, 'ms');
  const byDate = await timings(20, (i) => search({ q: word(i), sort: 'date' }));
  console.log(`  ${label} search, one word, newest first: ${fmt(byDate)}`);
  const faceted = await timings(20, (i) =>
    search({
      q: `${word(i)} ${word(i + 1)}`,
      country: g.countries[i % g.countries.length],
      theme: g.themes[i % g.themes.length],
    }),
  );
  console.log(`  ${label} search, two words + country + theme: ${fmt(faceted)}`);
  const browse = await timings(20, (i) =>
    search({ country: g.countries[i % g.countries.length], kind: 'project', sort: 'date' }),
  );
  console.log(`  ${label} browse a country (no words), all facets: ${fmt(browse)}`);
  const overlaps = await timings(10, (i) =>
    overlapsService.findOverlaps(
      db,
      viewer,
      OverlapRequest.parse({
        title: `${word(i)} ${word(i + 3)} training for police`,
        description: `${word(i + 5)} and ${word(i + 9)} in the justice sector`,
        countries: [g.countries[i % g.countries.length]],
        themes: [g.themes[i % g.themes.length]],
        start: '2018',
        end: '2022',
      }),
    ),
  );
  console.log(`  ${label} overlaps for one draft: ${fmt(overlaps)}`);
  record('search/overlaps p95', overlaps.p95, 'ms');
  const matrix = await timings(3, () => analyticsService.matrix(db, ANONYMOUS, { currency: 'USD' }));
  console.log(`  ${label} 3W matrix over all data: ${fmt(matrix)}`);
  record('search/3W matrix p95', matrix.p95, 'ms');
}

async function measureIati(db: Database, label: string) {
  const t = performance.now();
  const report = await importIatiFiles(db, listIatiFiles([USAID]));
  console.log(
    `  ${label}: imported ${report.created} USAID activities in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const mx = await timings(50, () =>
    searchService.search(db, ANONYMOUS, SearchQuery.parse({ kind: 'project', country: 'MX', dac: '15130' })),
  );
  const r = await searchService.search(
    db,
    ANONYMOUS,
    SearchQuery.parse({ kind: 'project', country: 'MX', dac: '15130' }),
  );
  console.log(
    `  ${label} activities in Mexico with sector 15130 (${r.total}, with facets): ${fmt(mx)} (d-portal about 5 ms)`,
  );
  const words = [
    'health',
    'justice',
    'water',
    'education',
    'governance',
    'agriculture',
    'democracy',
    'police',
  ];
  const title = await timings(80, (i) =>
    searchService.search(db, ANONYMOUS, SearchQuery.parse({ q: words[i % words.length], kind: 'project' })),
  );
  console.log(
    `  ${label} title search over the USAID activities (with facets): ${fmt(title)} (d-portal about 11 ms)`,
  );
}

async function onEngine(label: string, open: (name: string) => Promise<Database>) {
  const db = await open('registry');
  await migrate(db);
  await loadReferenceData(db);
  const g = await generateRegistry(db, PROJECTS, PASSAGES);
  await measureRegistry(db, label, g);
  await db.close();
  const iati = await open('iati');
  await migrate(iati);
  await loadReferenceData(iati);
  await measureIati(iati, label);
  await iati.close();
}

export const searchSuite: BenchSuite = {
  name: 'search',
  async run() {
    console.log(`registry: ${PROJECTS} projects, ${PASSAGES} text passages`);
    const dirs: string[] = [];
    await onEngine('PGlite', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-bench-search-'));
      dirs.push(dir);
      // Sized as `tacit serve` sizes it: the searches are a server's.
      return openDatabase({ dataDir: dir, databaseUrl: undefined }, { purpose: 'server' });
    });
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    const server = await startPostgres();
    try {
      await onEngine('PostgreSQL', async (name) => {
        const admin = await openDatabase({ databaseUrl: server.url(), dataDir: '' });
        await admin.exec(`CREATE DATABASE bench_${name}`);
        await admin.close();
        return openDatabase({ databaseUrl: server.url(`bench_${name}`), dataDir: '' });
      });
    } finally {
      await server.stop();
    }
  },
};
