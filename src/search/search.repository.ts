// SQL for search: reads hits and facet counts for a compiled query (query-compiler.ts) from
// search_entries (migrations 020 and 031) through the one access filter, so nothing a viewer may
// not see is returned, counted or highlighted.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { CompiledClause, CompiledQuery } from './query-compiler.ts';
import type { FacetName, SearchQuery } from './search.schema.ts';

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

/** Entries fall into SAMPLE_BUCKETS buckets; `buckets` limits a query to the first few of them. */
export const SAMPLE_BUCKETS = 256;

function matching(viewer: Viewer, q: SearchQuery, query: CompiledQuery | null, buckets?: number): Sql {
  const sample = buckets !== undefined && buckets < SAMPLE_BUCKETS ? [sql`e.bucket < ${buckets}`] : [];
  return sql.and([visibleTo(viewer, 'e'), ...textConditions(query), ...filterConditions(q), ...sample]);
}

/** Above this many entries a query may be counted on a sample, and overlaps sample their weakest candidates. */
export const LARGE_INDEX = 5_000;

/** Entries in the whole index, as kept by search_index (migration 031). */
export async function indexSize(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number | null }>(sql`SELECT sum(entries) AS n FROM search_buckets`);
  return row?.n ?? 0;
}

export interface Probe {
  /** Entries in the whole index. */
  entries: number;
  /** Entries in each of the first buckets: sizes[k - 1] is the number in buckets 0 to k - 1. */
  sizes: number[];
  /** Matching entries in the first bucket. */
  hits: number;
  /** The names version (migration 035), to check the compiled words against. */
  names: number;
}

/** Matches in the first bucket: about 1/SAMPLE_BUCKETS of the index, read from a few pages. */
export async function probeFirstBucket(
  db: Queryable,
  viewer: Viewer,
  q: SearchQuery,
  query: CompiledQuery | null,
): Promise<Probe> {
  // The buckets' sizes are added up here rather than in SQL (a window over generate_series took
  // 2 ms on the embedded engine).
  const [row] = await db.query<{
    buckets: number[] | null;
    sizes: number[] | null;
    hits: number;
    names: number;
  }>(
    sql`SELECT (SELECT array_agg(bucket::int ORDER BY bucket) FROM search_buckets) AS buckets,
      (SELECT array_agg(entries::float8 ORDER BY bucket) FROM search_buckets) AS sizes,
      (SELECT count(*) FROM search_entries e WHERE ${matching(viewer, q, query, 1)}) AS hits,
      search_names_version() AS names`,
  );
  const each = new Array<number>(SAMPLE_BUCKETS).fill(0);
  row!.buckets?.forEach((b, i) => {
    each[b] = row!.sizes![i]!;
  });
  let entries = 0;
  const sizes = each.map((n) => {
    entries += n;
    return entries;
  });
  return { entries, sizes, hits: row!.hits, names: row!.names };
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
  position: number;
}

// Private-use characters mark the highlights, so the text can be HTML-escaped afterwards.
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "`;

// Array facets unnest in the select list: a set-returning function there costs less than a
// lateral function scan started again for every hit (about a third less on the embedded engine).
const FACET_SQL: Record<FacetName, Sql> = {
  kind: sql`SELECT 'kind' AS facet, kind AS value, count(*) AS n FROM hits GROUP BY 2`,
  country: sql`SELECT 'country', v, count(*) FROM (SELECT unnest(countries) AS v FROM hits) x GROUP BY 2`,
  region: sql`SELECT 'region', v, count(*) FROM (SELECT unnest(regions) AS v FROM hits) x GROUP BY 2`,
  theme: sql`SELECT 'theme', v, count(*) FROM (SELECT unnest(themes) AS v FROM hits) x GROUP BY 2`,
  dac: sql`SELECT 'dac', v, count(*) FROM (SELECT unnest(dac_codes) AS v FROM hits) x WHERE length(v) = 5 GROUP BY 2`,
  organisation: sql`SELECT 'organisation', v::text, count(*) FROM (SELECT unnest(org_ids) AS v FROM hits) x GROUP BY 2`,
  status: sql`SELECT 'status', status, count(*) FROM hits WHERE status IS NOT NULL GROUP BY 2`,
  year: sql`SELECT 'year', year_start::text, count(*) FROM hits WHERE year_start IS NOT NULL GROUP BY 2`,
  score: sql`SELECT 'score', score, count(*) FROM hits WHERE score IS NOT NULL GROUP BY 2`,
  language: sql`SELECT 'language', trim(language), count(*) FROM hits WHERE language IS NOT NULL GROUP BY 2`,
};

// The row of the page statement that carries the date cut rather than a facet value.
const DATE_CUT = 'date cut';

export interface FacetCount {
  facet: FacetName;
  value: string;
  n: number;
  /** An organisation's name (other values are labelled from the vocabularies). */
  label: string | null;
}

/** Values shown per facet; the service cuts ties at this place. */
export const FACET_VALUES = 30;

/** The page's hits as JSON rows, with snippets: made for the page only, they cost far more than ranking. */
function hitRows(query: CompiledQuery | null, byDate: boolean, limit: number): Sql {
  const snippet = query?.rankQuery
    ? sql`ts_headline(h.config, coalesce(nullif(left(t.body, 20000), ''), h.title), ${query.rankQuery}::tsquery, ${HEADLINE_OPTIONS})`
    : sql`left(coalesce(t.body, ''), 240)`;
  // The page holds one hit more than it shows, to tell whether another page follows; that one
  // needs no snippet.
  const headline = sql`CASE WHEN h.position <= ${limit} THEN ${snippet} END`;
  const order = byDate ? sql`h.sort_date DESC NULLS LAST, h.seq DESC` : sql`h.rank DESC, h.seq DESC`;
  return sql`SELECT NULL AS facet, NULL AS value, NULL::bigint AS n, NULL AS label, json_build_object('kind', h.kind,
      'record_id', h.record_id, 'project_id', h.project_id, 'title', h.title, 'headline', ${headline},
      'sort_date', h.sort_date::text, 'countries', h.countries, 'themes', h.themes, 'status', h.status, 'score', h.score,
      'language', trim(h.language), 'rank', h.rank, 'position', h.position) AS hit
    FROM (SELECT h.*, row_number() OVER (ORDER BY ${order}) AS position FROM page h) h
    LEFT JOIN search_texts t ON t.kind = h.kind AND t.record_id = h.record_id`;
}

interface PageRow {
  facet: string | null;
  value: string | null;
  n: number | null;
  label: string | null;
  hit: HitRow | null;
}
const hitsOf = (rows: PageRow[]) =>
  rows.flatMap((r) => (r.hit ? [r.hit] : [])).sort((a, b) => a.position - b.position);

/**
 * One page of hits and the facet counts, in one statement that finds the matches once: every
 * match in the first `buckets` buckets (all of them when buckets is SAMPLE_BUCKETS).
 *
 * By date, the page comes from all matches, so it is exact whatever the sample. On a sample, the
 * newest matches of the sample give a date cut: the page's n matches are at least as new as the
 * sample's n-th newest, since the sample holds n matches that new. A second statement reads the
 * page from the matches past the cut only (a few dozen rows, through the date index) instead of
 * every match.
 */
export async function searchPage(
  db: Queryable,
  viewer: Viewer,
  q: SearchQuery,
  query: CompiledQuery | null,
  page: { offset: number; limit: number; byDate: boolean; buckets: number },
): Promise<{ hits: HitRow[]; counts: FacetCount[] }> {
  const facets = Object.values(FACET_SQL).map((s) => sql`(${s})`);
  const window = sql`LIMIT ${page.limit + 1} OFFSET ${page.offset}`;
  const sampledByDate = page.byDate && page.buckets < SAMPLE_BUCKETS;
  const ranked = page.byDate
    ? sql`SELECT * FROM hits ORDER BY sort_date DESC NULLS LAST, seq DESC ${window}`
    : sql`SELECT * FROM hits ORDER BY rank DESC, seq DESC ${window}`;
  const dateCut = sql`SELECT ${DATE_CUT}::text, (SELECT sort_date::text FROM hits ORDER BY sort_date DESC NULLS LAST, seq DESC
    OFFSET ${page.offset + page.limit} LIMIT 1), NULL, NULL, NULL`;
  const rows = await db.query<PageRow>(sql`
    WITH hits AS MATERIALIZED (
      SELECT e.kind, e.record_id, e.project_id, e.title, e.sort_date, e.countries, e.regions, e.themes, e.dac_codes,
        e.org_ids, e.status, e.year_start, e.score, e.language, e.config, e.seq, ${rankOf(query)} AS rank
      FROM search_entries e WHERE ${matching(viewer, q, query, page.buckets)}),
    page AS MATERIALIZED (${ranked}),
    facet_counts AS (${sql.join(facets, ' UNION ALL ')}),
    -- What the service can show: the first values of each facet, with every value tied with the
    -- last, so it breaks ties as before; only those need an organisation's name.
    shown AS (SELECT facet, value, n, rank() OVER (PARTITION BY facet
        ORDER BY CASE WHEN facet = 'year' THEN value END DESC, n DESC) AS place FROM facet_counts)
    SELECT facet, value, n, CASE WHEN facet = 'organisation' THEN (SELECT o.name FROM organisations o
        WHERE o.id = value::uuid) END AS label, NULL::json AS hit FROM shown WHERE place <= ${FACET_VALUES}
    UNION ALL ${sampledByDate ? dateCut : hitRows(query, page.byDate, page.limit)}`);
  const counts = rows.flatMap((r) =>
    r.facet && r.facet !== DATE_CUT
      ? [{ facet: r.facet as FacetName, value: r.value!, n: r.n!, label: r.label }]
      : [],
  );
  if (!sampledByDate) return { hits: hitsOf(rows), counts };
  const cut = rows.find((r) => r.facet === DATE_CUT)?.value;
  // Written as migration 036's index is, so the planner uses it and its statistics.
  const projectsOnly = q.kind?.length === 1 && q.kind[0] === 'project';
  const pastCut = !cut
    ? sql``
    : projectsOnly
      ? sql`AND (CASE WHEN e.kind = 'project' THEN e.sort_date END) >= ${cut}::date`
      : sql`AND e.sort_date >= ${cut}::date`;
  const exact = await db.query<PageRow>(sql`
    WITH page AS MATERIALIZED (
      SELECT e.kind, e.record_id, e.project_id, e.title, e.sort_date, e.countries, e.themes, e.status, e.score,
        e.language, e.config, ${rankOf(query)} AS rank, e.seq
      FROM search_entries e WHERE ${matching(viewer, q, query)} ${pastCut}
      ORDER BY e.sort_date DESC NULLS LAST, e.seq DESC ${window})
    ${hitRows(query, true, page.limit)}`);
  return { hits: hitsOf(exact), counts };
}
