// Search rules: parse the query, decide whether to count exactly or on a sample, page with an
// opaque cursor, make snippets safe to put in a page, and label facet values.
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { vocabularies } from '../reference/vocabularies.ts';
import { errors } from '../server/errors.ts';
import { compileQuery, forgetCompiled } from './query-compiler.ts';
import { type ParsedQuery, parseSearchQuery } from './query-parser.ts';
import {
  FACET_VALUES,
  type HitRow,
  LARGE_INDEX,
  MARK_END,
  MARK_START,
  type Probe,
  probeFirstBucket,
  SAMPLE_BUCKETS,
  searchPage,
} from './search.repository.ts';
import {
  FACETS,
  type FacetName,
  type FacetValue,
  type SearchHit,
  type SearchQuery,
  type SearchResponse,
} from './search.schema.ts';

const MAX_OFFSET = 10_000;
/**
 * How search trades exactness for speed. Up to about exactUpTo matches, everything is counted and
 * ranked. Beyond it, facets and the relevance ranking are worked out on a sample of about
 * sampleSize matches (whole buckets of the index), counts are scaled up and rounded, and the
 * response says it is approximate: exact counts of 100,000 matches cost seconds, and nobody reads
 * that far. Sorting by date stays exact. An index of up to smallIndex entries is always counted
 * exactly: it is cheap.
 */
export interface Sampling {
  exactUpTo: number;
  sampleSize: number;
  smallIndex: number;
}
const SAMPLING: Sampling = { exactUpTo: 1500, sampleSize: 500, smallIndex: LARGE_INDEX };

/** Two significant digits: an estimate should not look more precise than it is. */
export function roughly(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

// Relevance has no stable key to resume after, so the cursor is a position in the ranking.
function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw errors.invalidField('cursor', 'is not a cursor this API gave out; start again without it');
  return Number(m[1]);
}
const encodeOffset = (n: number) => Buffer.from(`o:${n}`).toString('base64url');

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** Escapes the text, then turns the highlight marks into <mark> elements. */
export function renderSnippet(headline: string): string {
  return escapeHtml(headline.replace(/\s+/g, ' ').trim())
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>');
}

function toHit(r: HitRow): SearchHit {
  return {
    kind: r.kind as SearchHit['kind'],
    id: r.record_id,
    project_id: r.project_id,
    title: r.title,
    snippet: renderSnippet(r.headline ?? ''),
    date: r.sort_date,
    countries: r.countries,
    themes: r.themes,
    status: r.status,
    score: r.score,
    language: r.language,
    rank: Math.round(r.rank * 10000) / 10000,
  };
}

function labelOf(facet: FacetName, value: string, name: string | null): string {
  if (facet === 'country') return vocabularies.countries().get(value)?.names.en ?? value;
  if (facet === 'theme') return vocabularies.themes().get(value)?.labels.en ?? value;
  if (facet === 'dac') return vocabularies.dacCodes().get(value)?.name ?? value;
  if (facet === 'organisation') return name ?? value;
  return value;
}

function emptyResponse(): SearchResponse {
  const facets = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as SearchResponse['facets'];
  return { total: 0, approximate: false, items: [], facets, next_cursor: null };
}

/**
 * Compiles the query and probes the first bucket. The probe also reads the names version: when a
 * name changed since the query's words were compiled and kept, they are compiled again.
 */
async function compileAndProbe(db: Queryable, viewer: Viewer, q: SearchQuery, parsed: ParsedQuery) {
  for (let attempt = 0; ; attempt++) {
    const query = await compileQuery(db, parsed);
    if (parsed.groups.length > 0 && !query) return { query, probe: null };
    const probe = await probeFirstBucket(db, viewer, q, query);
    if (!query || probe.names === query.namesVersion || attempt > 0) return { query, probe };
    forgetCompiled(db);
  }
}

/**
 * How much of the index to read: all of it when the query matches few enough entries to count
 * exactly, else enough buckets for a sample, with the factor that scales the sample's counts to
 * the whole index (the buckets' sizes are kept by the index, migration 031).
 */
function sampleFor(probe: Probe, sampling: Sampling) {
  const exact = { buckets: SAMPLE_BUCKETS, scale: (n: number) => n };
  const first = probe.sizes[0] ?? 0;
  if (probe.entries <= sampling.smallIndex || first === 0) return exact;
  if ((probe.hits * probe.entries) / first <= sampling.exactUpTo) return exact;
  // The first buckets that together hold enough entries for about sampleSize matches.
  const wanted = (sampling.sampleSize / Math.max(probe.hits, 1)) * first;
  const last = probe.sizes.findIndex((size) => size >= wanted);
  if (last < 0 || last + 1 >= SAMPLE_BUCKETS) return exact;
  const size = probe.sizes[last]!;
  return { buckets: last + 1, scale: (n: number) => roughly((n * probe.entries) / size) };
}

export const searchService = {
  async search(
    db: Queryable,
    viewer: Viewer,
    q: SearchQuery,
    sampling: Sampling = SAMPLING,
  ): Promise<SearchResponse> {
    const parsed = parseSearchQuery(q.q);
    if (!parsed.groups.length && parsed.excluded.length)
      throw errors.invalidField('q', 'needs at least one word to look for besides the -exclusions');
    const offset = decodeOffset(q.cursor);
    if (offset > MAX_OFFSET)
      throw errors.invalidField('cursor', `pages stop after ${MAX_OFFSET} results; narrow the search`);
    const { query, probe } = await compileAndProbe(db, viewer, q, parsed);
    if (!probe) return emptyResponse();
    const byDate = q.sort === 'date' || !query;

    const { buckets, scale } = sampleFor(probe, sampling);
    const page = await searchPage(db, viewer, q, query, { offset, limit: q.limit, byDate, buckets });
    const counts = page.counts.map((c) => ({ ...c, n: scale(c.n) }));
    const rows = page.hits;

    const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetValue[]])) as Record<
      FacetName,
      FacetValue[]
    >;
    for (const c of counts)
      facets[c.facet].push({ value: c.value, label: labelOf(c.facet, c.value, c.label), count: c.n });
    for (const f of FACETS) {
      const byYear = f === 'year';
      facets[f].sort((a, b) =>
        byYear ? b.value.localeCompare(a.value) : b.count - a.count || a.label.localeCompare(b.label),
      );
      facets[f] = facets[f].slice(0, FACET_VALUES);
    }
    const total = scale(page.counts.filter((c) => c.facet === 'kind').reduce((sum, c) => sum + c.n, 0));
    return {
      total,
      approximate: buckets < SAMPLE_BUCKETS,
      items: rows.slice(0, q.limit).map(toHit),
      facets,
      next_cursor: rows.length > q.limit ? encodeOffset(offset + q.limit) : null,
    };
  },
};
