// SQL for search: reads hits and facet counts for a compiled query (query-compiler.ts) from
// search_entries (migrations 020 and 031) through the one access filter, so nothing a viewer may
// not see is returned, counted or highlighted.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { CompiledClause, CompiledQuery } from './query-compiler.ts';
import { FACETS, type FacetName, type SearchQuery } from './search.schema.ts';

function clauseCondition(c: CompiledClause): Sql {
  const any: Sql[] = [];
  if (c.q) any.push(sql`e.tsv @@ ${c.q}::tsquery`);
  if (c.countries.length) any.push(sql`e.countries && ${c.countries}::text[]`);
  if (c.themes.length) any.push(sql`e.themes && ${c.themes}::text[]`);
  if (c.orgs.length) any.push(sql`e.org_ids && ${c.orgs}::uuid[]`);
  return sql`(${sql.join(any, ' OR ')})`;
}

function textConditions(query: CompiledQuery | null): Sql[] {
  if (!query) return [];
  return [
    ...query.groups.map((g) => sql`(${sql.join(g.map(clauseCondition), ' OR ')})`),
    ...query.excluded.map((c) => sql`NOT ${clauseCondition(c)}`),
  ];
}

function rankOf(query: CompiledQuery | null): Sql {
  if (!query) return sql`0`;
  const { countries, themes, orgs } = query.named;
  // A record that is about a named country, theme or organisation ranks a little higher.
  const bonus = [
    countries.length ? sql`CASE WHEN e.countries && ${countries}::text[] THEN 0.1 ELSE 0 END` : null,
    themes.length ? sql`CASE WHEN e.themes && ${themes}::text[] THEN 0.1 ELSE 0 END` : null,
    orgs.length ? sql`CASE WHEN e.org_ids && ${orgs}::uuid[] THEN 0.1 ELSE 0 END` : null,
  ].filter((b): b is Sql => b !== null);
  const text = query.rankQuery ? sql`ts_rank_cd(e.tsv, ${query.rankQuery}::tsquery, 32)` : sql`0`;
  return sql.join([text, ...bonus], ' + ');
}

function filterConditions(q: SearchQuery): Sql[] {
  const c: Sql[] = [];
  // One kind as an equality, so the planner sees that the project-only indexes (migration 033)
  // answer it; as `= ANY` it also intersected the primary key's 100,000 project entries.
  if (q.kind?.length === 1) c.push(sql`e.kind = ${q.kind[0]}`);
  else if (q.kind?.length) c.push(sql`e.kind = ANY(${q.kind}::text[])`);
  if (q.country?.length) c.push(sql`e.countries && ${q.country}::text[]`);
  if (q.region?.length) c.push(sql`e.regions && ${q.region}::text[]`);
  if (q.theme?.length) c.push(sql`e.themes && ${q.theme}::text[]`);
  if (q.dac?.length) c.push(sql`e.dac_codes && ${q.dac}::text[]`);
  if (q.organisation) {
    c.push(
      q.role
        ? sql`${`${q.organisation}:${q.role}`} = ANY(e.org_roles)`
        : sql`e.org_ids && ARRAY[${q.organisation}::uuid]`,
    );
  }
  if (q.status?.length) c.push(sql`e.status = ANY(${q.status}::text[])`);
  // A record spans [year_start, year_end]; an open end is still running.
  if (q.year_from !== undefined) c.push(sql`coalesce(e.year_end, e.year_start, 9999) >= ${q.year_from}`);
  if (q.year_to !== undefined) c.push(sql`coalesce(e.year_start, e.year_end, 0) <= ${q.year_to}`);
  if (q.score?.length) c.push(sql`e.score = ANY(${q.score}::text[])`);
  if (q.language?.length) c.push(sql`e.language = ANY(${q.language.map((l) => l.toLowerCase())}::text[])`);
  return c;
}

/** Entries fall into SAMPLE_BUCKETS buckets, so a query can be counted on the first few of them. */
export const SAMPLE_BUCKETS = 256;

/** The entries the viewer may see that match the query and filters, within `region` of the buckets. */
function matching(viewer: Viewer, q: SearchQuery, query: CompiledQuery | null, region: Sql[] = []): Sql {
  return sql.and([visibleTo(viewer, 'e'), ...textConditions(query), ...filterConditions(q), ...region]);
}

/** Above this many entries a query may be counted on a sample, and overlaps sample their weakest candidates. */
export const LARGE_INDEX = 5_000;

/** Entries in the whole index, as kept by search_index (migration 031). */
export async function indexSize(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number | null }>(sql`SELECT sum(entries) AS n FROM search_buckets`);
  return row?.n ?? 0;
}

export interface HitRow {
  kind: string;
  record_id: string;
  project_id: string | null;
  title: string;
  headline: string;
  sort_date: string | null;
  countries: string[];
  themes: string[];
  status: string | null;
  score: string | null;
  language: string | null;
  rank: number;
}

// Private-use characters mark the highlights, so the text can be HTML-escaped afterwards.
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "`;

/** How many matches hold each value of each facet. */
export type FacetCounts = Record<FacetName, Map<string, number>>;

// Each facet's values over all the matches, in one pass, as text: the embedded engine took about
// twice as long to count them in ten grouped passes as to hand the text over, and Node counts
// them in a millisecond or two. Each entry keeps its values as one line (migration 056): its
// fields in FACETS order, a list's items apart, lines apart.
const LINE_APART = '\u001e';
const FIELD_APART = '\u001f';
const ITEM_APART = '\u001d';
const FACET_LINES_SQL = sql`SELECT string_agg(e.facet_line, ${LINE_APART}) AS lines FROM hits e`;

/**
 * How many matches hold each value of each facet, from their facet lines. Each field is counted
 * whole first and split into its items once per distinct text: matches share most of their fields
 * (2,282 matches of 'governance' hold 555 distinct lists of organisations), and splitting every
 * field took a third longer (3.9 ms against 2.9 for those matches).
 */
function countValues(lines: string | null): FacetCounts {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  if (!lines) return counts;
  const fieldsByFacet = FACETS.map(() => new Map<string, number>());
  for (const line of lines.split(LINE_APART)) {
    const fields = line.split(FIELD_APART);
    for (let i = 0; i < fieldsByFacet.length; i++) {
      const field = fields[i];
      if (!field) continue;
      const seen = fieldsByFacet[i]!;
      seen.set(field, (seen.get(field) ?? 0) + 1);
    }
  }
  FACETS.forEach((facet, i) => {
    const values = counts[facet];
    for (const [field, n] of fieldsByFacet[i]!) {
      for (const v of field.includes(ITEM_APART) ? field.split(ITEM_APART) : [field])
        values.set(v, (values.get(v) ?? 0) + n);
    }
  });
  return counts;
}

/** Values shown per facet; the service cuts ties at this place. */
export const FACET_VALUES = 30;

/**
 * How search trades exactness for speed. Up to about exactUpTo matches, everything is counted and
 * ranked. Beyond it, facets and the relevance ranking are worked out on a sample of about
 * sampleSize matches (whole buckets of the index), counts are scaled up and rounded, and the
 * response says it is approximate: exact counts of 100,000 matches cost seconds, and nobody reads
 * that far. Sorting by date stays exact: a sampled search's page by date is read by walking down
 * the date index when the sample says there are more than walkAbove matches, and from the matches
 * themselves otherwise. An index of up to smallIndex entries is always counted exactly: it is cheap.
 */
export interface Sampling {
  exactUpTo: number;
  sampleSize: number;
  smallIndex: number;
  walkAbove: number;
}

/** The buckets a search read: all SAMPLE_BUCKETS, or the first `buckets`, which hold `size` of the `entries`. */
export interface SampleRead {
  buckets: number;
  size: number;
  entries: number;
}

/** `n` matches of what a search read, scaled to the whole index (unrounded; `n` if it read it all). */
export function scaledToIndex(sample: SampleRead, n: number): number {
  return sample.buckets < SAMPLE_BUCKETS ? (n * sample.entries) / sample.size : n;
}

// The first buckets have GIN indexes of their own (migration 034), and the first bucket too, for
// the probe (migration 055); a sample that fits in them is read through them, a larger one (or the
// whole index) through the others.
const INDEXED_BUCKETS = 16;
// The first bucket, as an equality: written `bucket < 1`, the planner combined the bucket index
// with the whole-index GIN (reading every match's row pointer: 2.5 ms for a common word on
// PostgreSQL) rather than with the first buckets' GIN (0.3 ms).
const FIRST_BUCKET = [sql`e.bucket = 0`];

/**
 * How much of the index to read: all of it when the query matches few enough entries to count
 * exactly, else enough buckets for a sample. Matches in the first bucket predict the total, and the
 * buckets' sizes (kept by the index, migration 031) say how many buckets hold enough entries for
 * about sampleSize matches. A statement of its own, so the one that reads the matches names its
 * buckets as constants: it is planned for them alone, which took the embedded engine's planner
 * less time than one statement planning all three ways to read (a sample in the first buckets, a
 * larger one, everything) and choosing as it ran.
 */
async function readSample(
  db: Queryable,
  viewer: Viewer,
  q: SearchQuery,
  query: CompiledQuery | null,
  s: Sampling,
): Promise<SampleRead> {
  // The running sizes are added up only when the first bucket predicts a sample. Planned once per
  // connection (db/prepared.ts): whatever the words, the plan reads bucket 0's indexes, and planning
  // it anew took longer than running it.
  const [row] = await db.queryReused<SampleRead>(sql`
    WITH probe AS MATERIALIZED (SELECT coalesce((SELECT sum(entries) FROM search_buckets), 0)::float8 AS entries,
      coalesce((SELECT entries FROM search_buckets WHERE bucket = 0), 0)::float8 AS first,
      (SELECT count(*) FROM search_entries e WHERE ${matching(viewer, q, query, FIRST_BUCKET)})::float8 AS hits)
    SELECT coalesce(k.bucket + 1, ${SAMPLE_BUCKETS})::int AS buckets, coalesce(k.upto, p.entries) AS size, p.entries
    FROM probe p LEFT JOIN LATERAL (SELECT s.bucket, s.upto
      FROM (SELECT bucket, (sum(entries) OVER (ORDER BY bucket))::float8 AS upto FROM search_buckets) s
      WHERE p.entries > ${s.smallIndex} AND p.first > 0 AND p.hits * p.entries / p.first > ${s.exactUpTo}
        AND s.upto >= ${s.sampleSize} / greatest(p.hits, 1) * p.first
      ORDER BY s.bucket LIMIT 1) k ON k.bucket + 1 < ${SAMPLE_BUCKETS}`);
  return row!;
}

/**
 * The matches in the first `buckets` buckets, said in terms the planner can match to indexes: a
 * sample within the indexed buckets with the constant that selects their partial indexes, a larger
 * one with the bucket index, and an exact search without any bucket condition.
 */
function sampledMatches(
  viewer: Viewer,
  q: SearchQuery,
  query: CompiledQuery | null,
  columns: Sql,
  buckets: number,
): Sql {
  const region =
    buckets >= SAMPLE_BUCKETS
      ? []
      : buckets <= INDEXED_BUCKETS
        ? [sql`e.bucket < ${INDEXED_BUCKETS}`, sql`e.bucket < ${buckets}`]
        : [sql`e.bucket < ${buckets}`];
  return sql`SELECT ${columns} FROM search_entries e WHERE ${matching(viewer, q, query, region)}`;
}

/** The letters a stem's unaccented letter stands for in a text ('e' for "é" or "É"). */
const ACCENTED: Record<string, string> = {
  a: 'aàáâãäåAÀÁÂÃÄÅ',
  c: 'cçCÇ',
  e: 'eèéêëEÈÉÊË',
  i: 'iìíîïIÌÍÎÏ',
  n: 'nñNÑ',
  o: 'oòóôõöøOÒÓÔÕÖØ',
  u: 'uùúûüUÙÚÛÜ',
  y: 'yýÿYÝŸ',
};

/**
 * Where the query's words begin in a text, as a regular expression (matched case-insensitively):
 * each stem at the start of a word, less its last letter, which stemming may have changed
 * ('polici' for "policy"), and with its vowels matching their accented forms, since stems are
 * unaccented. Stems of four letters or fewer are kept whole. The snippet's text is cut around the
 * first match (search_snippet_source, migration 061); a match that is not one of the query's words
 * only moves the window, since ts_headline still highlights exactly.
 */
export function snippetStarts(rankQuery: string): string {
  const stems = new Set<string>();
  for (const m of rankQuery.matchAll(/'((?:[^']|'')*)'/g)) {
    const stem = m[1]!.replaceAll("''", "'");
    stems.add(stem.length > 4 ? stem.slice(0, -1) : stem);
  }
  const pattern = (stem: string) =>
    [...stem]
      .map((ch) => (ACCENTED[ch] ? `[${ACCENTED[ch]}]` : ch.replace(/[.*+?^${}()|[\]\\-]/, '\\$&')))
      .join('');
  return `\\m(?:${[...stems].map(pattern).join('|')})`;
}

/** The page's hits as JSON, with snippets: made for the page only, they cost far more than ranking. */
function hitsJson(query: CompiledQuery | null, byDate: boolean, limit: number): Sql {
  const snippet = query?.rankQuery
    ? sql`ts_headline(h.config, search_snippet_source(t.body, h.title, ${snippetStarts(query.rankQuery)}),
      ${query.rankQuery}::tsquery, ${HEADLINE_OPTIONS})`
    : sql`left(coalesce(t.body, ''), 240)`;
  // The page holds one hit more than it shows, to tell whether another page follows; that one
  // needs no snippet.
  const headline = sql`CASE WHEN h.position <= ${limit} THEN ${snippet} END`;
  const order = byDate ? sql`h.sort_date DESC NULLS LAST, h.seq DESC` : sql`h.rank DESC, h.seq DESC`;
  return sql`(SELECT coalesce(json_agg(json_build_object('kind', h.kind, 'record_id', h.record_id,
      'project_id', h.project_id, 'title', h.title, 'headline', ${headline}, 'sort_date', h.sort_date::text,
      'countries', h.countries, 'themes', h.themes, 'status', h.status, 'score', h.score,
      'language', trim(h.language), 'rank', h.rank) ORDER BY h.position), '[]')
    FROM (SELECT h.*, row_number() OVER (ORDER BY ${order}) AS position FROM page h) h
    LEFT JOIN search_texts t ON t.kind = h.kind AND t.record_id = h.record_id)`;
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
) => sql`e.kind, e.record_id, e.project_id, e.title, e.sort_date,
  e.countries, e.themes, e.status, e.score, e.language, e.config, ${rankOf(query)} AS rank, e.seq`;

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

// Organisations' names by id, per database, valid at one names version (migration 035): every
// statement that changes an organisation changes the version, so the names of the organisations
// a facet shows cost no round trip once read. The first read at a version takes the first
// NAMES_AT_ONCE names as well: each search's facet shows different organisations, and a registry
// of a few thousand then needs no other round trip.
const MAX_NAMES = 50_000;
const NAMES_AT_ONCE = 5_000;
const namesKept = new WeakMap<Queryable, { version: number; names: Map<string, string> }>();

/** The names of the organisations `ids`, at the names version `version` that search just read. */
export async function organisationNames(db: Queryable, ids: string[], version: number) {
  let kept = namesKept.get(db);
  if (!kept || kept.version !== version || kept.names.size > MAX_NAMES) {
    kept = { version, names: new Map() };
    namesKept.set(db, kept);
  }
  const names = kept.names;
  const missing = ids.filter((id) => !names.has(id));
  if (missing.length) {
    const others = names.size
      ? sql``
      : sql`UNION SELECT * FROM (SELECT id::text AS id, name FROM organisations LIMIT ${NAMES_AT_ONCE}) o`;
    const rows = await db.query<{ id: string; name: string }>(
      sql`SELECT id::text AS id, name FROM organisations WHERE id = ANY(${missing}::uuid[]) ${others}`,
    );
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}
