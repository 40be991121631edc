// Search rules: parse the query, decide whether to count exactly or on a sample, page with an
// opaque cursor, make snippets safe to put in a page, and label facet values.
import { withheldFields } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { vocabularies } from '../reference/vocabularies.ts';
import { errors } from '../server/errors.ts';
import { compileQuery, forgetCompiled } from './query-compiler.ts';
import { type ParsedQuery, parseSearchQuery } from './query-parser.ts';
import {
  FACET_VALUES,
  type FacetCounts,
  FRAGMENT_APART,
  type HitRow,
  LARGE_INDEX,
  MARK_END,
  MARK_START,
  organisationNames,
  SAMPLE_BUCKETS,
  type Sampling,
  scaledToIndex,
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
import { shapeSnippet } from './snippet-shape.ts';

const MAX_OFFSET = 10_000;
// walkAbove: up to about as many matches as the walk down the date index reads entries at most.
const SAMPLING: Sampling = { exactUpTo: 1500, sampleSize: 500, smallIndex: LARGE_INDEX, walkAbove: 5_000 };

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

const MARKS = { start: MARK_START, end: MARK_END, apart: FRAGMENT_APART };

/** The words searched for (not the excluded ones), to highlight in every form they take. */
export function searchedWords(parsed: ParsedQuery): string[] {
  return parsed.groups.flat().flatMap((c) => c.text.match(/[\p{L}\p{N}]+/gu) ?? []);
}

// The entry's owner, visibility and restricted fields are its record's (search/index.sql), so the
// hit needs no second read of the record to say what it withholds.
function toHit(r: HitRow, words: string[], viewer: Viewer): SearchHit {
  return {
    kind: r.kind as SearchHit['kind'],
    id: r.record_id,
    project_id: r.project_id,
    title: r.title,
    snippet: shapeSnippet(r.headline, r.source ?? '', words, MARKS),
    date: r.own_date,
    countries: r.countries,
    themes: r.themes,
    status: r.status,
    score: r.score,
    language: r.language,
    rank: Math.round(r.rank * 10000) / 10000,
    withheld_fields: r.owner_org_id ? withheldFields(viewer, { ...r, owner_org_id: r.owner_org_id }) : [],
  };
}

function labelOf(facet: FacetName, value: string, names: Map<string, string>): string {
  if (facet === 'country') return vocabularies.countries().get(value)?.names.en ?? value;
  if (facet === 'theme') return vocabularies.themes().get(value)?.labels.en ?? value;
  if (facet === 'dac') return vocabularies.dacCodes().get(value)?.name ?? value;
  if (facet === 'organisation') return names.get(value) ?? value;
  return value;
}

/**
 * The first FACET_VALUES values of each facet: years newest first, others by count (as shown,
 * scaled), ties by label. A value can be shown only when fewer than FACET_VALUES values have
 * more matches, so only those candidates need a label, and only organisations' labels cost a
 * look-up.
 */
async function labelledFacets(
  db: Queryable,
  counts: FacetCounts,
  scale: (n: number) => number,
  namesVersion: number,
): Promise<SearchResponse['facets']> {
  const candidates = (facet: FacetName) => {
    const entries = [...counts[facet]];
    if (facet === 'year') return entries.sort((a, b) => b[0].localeCompare(a[0])).slice(0, FACET_VALUES);
    entries.sort((a, b) => b[1] - a[1]);
    const last = entries[FACET_VALUES - 1]?.[1] ?? 0;
    return entries.filter(([, n]) => n >= last);
  };
  const shown = Object.fromEntries(FACETS.map((f) => [f, candidates(f)])) as Record<
    FacetName,
    [string, number][]
  >;
  const names = await organisationNames(
    db,
    shown.organisation.map(([id]) => id),
    namesVersion,
  );
  const facets = {} as Record<FacetName, FacetValue[]>;
  for (const f of FACETS) {
    const values = shown[f].map(([value, n]) => ({
      value,
      label: labelOf(f, value, names),
      count: scale(n),
    }));
    if (f !== 'year') values.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    facets[f] = values.slice(0, FACET_VALUES);
  }
  return facets;
}

function emptyResponse(): SearchResponse {
  const facets = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as SearchResponse['facets'];
  return { total: 0, approximate: false, items: [], facets, next_cursor: null };
}

/**
 * Compiles the query and reads the page. The page statement also reads the names version: when a
 * name changed since the query's words were compiled and kept, they are compiled again.
 */
async function compileAndRead(
  db: Queryable,
  viewer: Viewer,
  q: SearchQuery,
  parsed: ParsedQuery,
  page: { offset: number; sampling: Sampling },
) {
  for (let attempt = 0; ; attempt++) {
    const query = await compileQuery(db, parsed);
    if (parsed.groups.length > 0 && !query) return null;
    const byDate = q.sort === 'date' || !query;
    const read = await searchPage(db, viewer, q, query, { ...page, limit: q.limit, byDate });
    if (!query || read.names === query.namesVersion || attempt > 0) return read;
    forgetCompiled(db);
  }
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
    const page = await compileAndRead(db, viewer, q, parsed, { offset, sampling });
    if (!page) return emptyResponse();
    const approximate = page.sample.buckets < SAMPLE_BUCKETS;
    const scale = (n: number) => (approximate ? roughly(scaledToIndex(page.sample, n)) : n);
    const rows = page.hits;
    const shown = rows.slice(0, q.limit);
    const words = searchedWords(parsed);
    const facets = await labelledFacets(db, page.counts, scale, page.names);
    const total = scale(page.matches);
    return {
      total,
      approximate,
      items: shown.map((r) => toHit(r, words, viewer)),
      facets,
      next_cursor: rows.length > q.limit ? encodeOffset(offset + q.limit) : null,
    };
  },
};
