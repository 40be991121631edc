import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { CompiledQuery } from './query-compiler.ts';
import type { SearchQuery } from './search.schema.ts';
import { countValues, FACET_LINES_SQL, type FacetCounts } from './search-facets.repository.ts';
import { matching, rankOf, SAMPLE_BUCKETS } from './search-match.repository.ts';
import {
  readSample,
  type SampleRead,
  type Sampling,
  sampledMatches,
  scaledToIndex,
} from './search-sample.repository.ts';
import { snippetStarts } from './snippet-starts.ts';

export { organisationNames } from './organisation-names.repository.ts';
// Read by the search service, the overlaps service and the snippet test from here, as before the split.
export { FACET_VALUES, type FacetCounts } from './search-facets.repository.ts';
export { indexSize, LARGE_INDEX, SAMPLE_BUCKETS } from './search-match.repository.ts';
export { type SampleRead, type Sampling, scaledToIndex } from './search-sample.repository.ts';
export { snippetStarts } from './snippet-starts.ts';

export interface HitRow {
  kind: string;
  record_id: string;
  project_id: string | null;
  title: string;
  headline: string | null;
  /** The text the snippet is cut from, '… ' before and ' …' after where it cuts the record's text. */
  source: string | null;
  own_date: string | null;
  countries: string[];
  themes: string[];
  status: string | null;
  score: string | null;
  language: string | null;
  rank: number;
  /** The record's owner, visibility and restricted fields (null: none), to say what it withholds. */
  owner_org_id: string | null;
  visibility: string;
  field_visibility: Record<string, string> | null;
}

// Private-use characters mark the highlights, so the text can be HTML-escaped afterwards.
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
/** Between two passages of a snippet: the service extends each to its sentence before joining them. */
export const FRAGMENT_APART = '\uE002';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=${FRAGMENT_APART}`;

/** The page's hits as JSON, with snippets: made for the page only, they cost far more than ranking. */
function hitsJson(query: CompiledQuery | null, byDate: boolean, limit: number): Sql {
  const source = sql`search_snippet_source(t.body, h.title, ${query?.rankQuery ? snippetStarts(query.rankQuery) : '$^'})`;
  const snippet = query?.rankQuery
    ? sql`ts_headline(h.config, s.source, ${query.rankQuery}::tsquery, ${HEADLINE_OPTIONS})`
    : sql`NULL`;
  // The page holds one hit more than it shows, to tell whether another page follows; that one
  // needs no snippet.
  const shown = sql`h.position <= ${limit}`;
  const order = byDate ? sql`h.sort_date DESC NULLS LAST, h.seq DESC` : sql`h.rank DESC, h.seq DESC`;
  return sql`(SELECT coalesce(json_agg(json_build_object('kind', h.kind, 'record_id', h.record_id,
      'project_id', h.project_id, 'title', h.title, 'headline', CASE WHEN ${shown} THEN ${snippet} END,
      'source', s.source, 'own_date', h.own_date::text,
      'countries', h.countries, 'themes', h.themes, 'status', h.status, 'score', h.score,
      'language', trim(h.language), 'rank', h.rank, 'owner_org_id', h.owner_org_id,
      'visibility', h.visibility, 'field_visibility', h.field_visibility) ORDER BY h.position), '[]')
    FROM (SELECT h.*, row_number() OVER (ORDER BY ${order}) AS position FROM page h) h
    LEFT JOIN search_texts t ON t.kind = h.kind AND t.record_id = h.record_id
    CROSS JOIN LATERAL (SELECT CASE WHEN ${shown} THEN ${source} END AS source) s)`;
}

export interface SearchPage {
  hits: HitRow[];
  counts: FacetCounts;
  /** The matches among the entries read (the sample's, or all). */
  matches: number;
  sample: SampleRead;
  /** The names version (migration 035), to check the compiled words against. */
  names: number;
}

/**
 * One page of hits and the facets' values: a first statement decides how much of the index to read
 * (readSample), a second finds those matches once and returns the page (with snippets), every
 * facet's values over the matches, and the names version.
 *
 * By date, the page comes from all matches, so it is exact whatever the sample. On a sample, the
 * newest matches of the sample give a cut (a date, and a position within it): the page's n matches
 * are at least as new as the sample's n-th newest, since the sample holds n matches that new. A
 * second statement then reads the page from the entries past the cut only (pageByWalking), and a
 * third from all matches past it when the newest entries hold too few of them (pageFromMatches).
 */
export async function searchPage(
  db: Queryable,
  viewer: Viewer,
  q: SearchQuery,
  query: CompiledQuery | null,
  page: { offset: number; limit: number; byDate: boolean; sampling: Sampling },
): Promise<SearchPage> {
  const sample = await readSample(db, viewer, q, query, page.sampling);
  const sampled = sample.buckets < SAMPLE_BUCKETS;
  const window = sql`LIMIT ${page.limit + 1} OFFSET ${page.offset}`;
  const byDate = sql`ORDER BY sort_date DESC NULLS LAST, seq DESC`;
  // By date, a sample's page is not the page: only an exact search reads it here; a sampled one
  // reads where the page starts (the cut).
  const ranked = !page.byDate
    ? sql`SELECT * FROM hits ORDER BY rank DESC, seq DESC ${window}`
    : sampled
      ? sql`SELECT * FROM hits WHERE FALSE`
      : sql`SELECT * FROM hits ${byDate} ${window}`;
  const dateCut =
    page.byDate && sampled
      ? sql`(SELECT json_build_object('date', sort_date::text, 'seq', seq) FROM hits ${byDate}
        OFFSET ${page.offset + page.limit} LIMIT 1)`
      : sql`NULL`;
  // A page's columns, and those only the facets read.
  const columns = sql`${pageColumns(query)}, e.facet_line`;
  const [row] = await db.query<{ result: string; lines: string | null }>(sql`
    WITH hits AS MATERIALIZED (${sampledMatches(viewer, q, query, columns, sample.buckets)}),
    page AS MATERIALIZED (${ranked})
    SELECT json_build_object('names', search_names_version(), 'cut', ${dateCut},
      'hits', ${hitsJson(query, page.byDate, page.limit)})::text AS result, f.*
    FROM (${FACET_LINES_SQL}) f`);
  const result = JSON.parse(row!.result) as {
    names: number;
    cut: { date: string | null; seq: number } | null;
    hits: HitRow[];
  };
  const counts = countValues(row!.lines);
  // Every match has one kind.
  const matches = [...counts.kind.values()].reduce((sum, n) => sum + n, 0);
  if (!page.byDate || !sampled) return { hits: result.hits, counts, matches, sample, names: result.names };
  const cut = result.cut?.date ? result.cut : null;
  // Projects only are read in the order of their own dates' index (migration 036), which holds no
  // other records: the planner's choice between walking it and sorting the matches was sound there.
  const projectsOnly = q.kind?.length === 1 && q.kind[0] === 'project';
  // When the sample says there are few matches, they are read directly: each read is then a
  // match, where the walk rechecks every entry's words (detoasting them), and for a rarer word it
  // can read all WALK entries in vain ('Baja', 2,976 matches among 500,000 entries, none among the
  // 5,000 newest: 70 ms on a cold cache, then 48 ms for the matches).
  const fewMatches = scaledToIndex(sample, matches) <= page.sampling.walkAbove;
  const hits =
    (cut && !projectsOnly && !fewMatches ? await pageByWalking(db, viewer, q, query, page, cut) : null) ??
    (await pageFromMatches(db, viewer, q, query, page, cut, projectsOnly));
  return { hits, counts, matches, sample, names: result.names };
}

/** The most entries past the cut that the walk down the date index reads before giving up. */
const WALK = 5_000;

type Cut = { date: string | null; seq: number };
type PageRequest = { offset: number; limit: number };

const pageStatement = (query: CompiledQuery | null, limit: number, entries: Sql) => sql`
  WITH page AS MATERIALIZED (${entries})
  SELECT ${hitsJson(query, true, limit)} AS hits`;

const pageColumns = (
  query: CompiledQuery | null,
) => sql`e.kind, e.record_id, e.project_id, e.title, e.sort_date, e.own_date,
  e.countries, e.themes, e.status, e.score, e.language, e.config, ${rankOf(query)} AS rank, e.seq,
  e.owner_org_id, e.visibility, e.field_visibility`;

/**
 * The page past the cut, read by walking down the date index from the newest entry and keeping the
 * matches: a few dozen entries when matches are common among the newest. But the newest can all
 * be something else (a bulk import of other records that day), and the walk, which the planner
 * chose by itself, then read 400,000 entries for 'Baja' (5.7 s). So it reads at most WALK entries,
 * and answers null when that did not fill the page: the page may simply end there, or the matches
 * be older.
 *
 * The cut is a date and a position among the records of that date: a day can hold most of the
 * index, and a cut on the date alone had the walk read all of them.
 */
async function pageByWalking(
  db: Queryable,
  viewer: Viewer,
  q: SearchQuery,
  query: CompiledQuery | null,
  page: PageRequest,
  cut: Cut,
): Promise<HitRow[] | null> {
  const [row] = await db.query<{ hits: HitRow[] }>(
    pageStatement(
      query,
      page.limit,
      sql`SELECT ${pageColumns(query)} FROM (
          SELECT * FROM search_entries e WHERE (e.sort_date, e.seq) >= (${cut.date}::date, ${cut.seq}::bigint)
          ORDER BY e.sort_date DESC, e.seq DESC LIMIT ${WALK}) e
        WHERE ${matching(viewer, q, query)}
        ORDER BY e.sort_date DESC, e.seq DESC LIMIT ${page.limit + 1} OFFSET ${page.offset}`,
    ),
  );
  return row!.hits.length > page.limit ? row!.hits : null;
}

/**
 * The page from the matches past the cut, if any. For projects, past the cut in the order of
 * their dates' index (written as migration 036's index is, so the planner uses it and its
 * statistics), and the planner picks between walking it and sorting the matches; otherwise the
 * matches found through the search indexes, then sorted.
 */
async function pageFromMatches(
  db: Queryable,
  viewer: Viewer,
  q: SearchQuery,
  query: CompiledQuery | null,
  page: PageRequest,
  cut: Cut | null,
  projectsOnly: boolean,
): Promise<HitRow[]> {
  const projectDate = sql`(CASE WHEN e.kind = 'project' THEN e.sort_date END)`;
  const pastCut = !cut
    ? sql``
    : sql`${projectsOnly ? sql`AND ${projectDate} >= ${cut.date}::date` : sql``}
        AND (e.sort_date, e.seq) >= (${cut.date}::date, ${cut.seq}::bigint)`;
  const order =
    cut && projectsOnly ? sql`${projectDate} DESC, e.seq DESC` : sql`e.sort_date DESC NULLS LAST, e.seq DESC`;
  const [row] = await db.query<{ hits: HitRow[] }>(
    pageStatement(
      query,
      page.limit,
      sql`SELECT ${pageColumns(query)} FROM search_entries e WHERE ${matching(viewer, q, query)} ${pastCut}
        ORDER BY ${order} LIMIT ${page.limit + 1} OFFSET ${page.offset}`,
    ),
  );
  return row!.hits;
}
