// SQL for search: turns a parsed query into one tsquery over English, Spanish and French stems,
// then reads hits and facet counts from search_entries (kept by migration 020) through the one
// access filter, so nothing a viewer may not see is returned, counted or highlighted.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { ParsedQuery, QueryClause } from './query-parser.ts';
import type { FacetName, SearchQuery } from './search.schema.ts';

/** Full names of organisations whose acronym or alias is one of `words` (case-insensitive). */
export async function findOrganisationNames(db: Queryable, words: string[]): Promise<Map<string, string[]>> {
  const lower = [...new Set(words.map((w) => w.toLowerCase()))];
  if (!lower.length) return new Map();
  const rows = await db.query<{ word: string; names: string[] }>(sql`
    SELECT w.word, array_agg(DISTINCT n.name) AS names
    FROM unnest(${lower}::text[]) w(word)
    JOIN organisations o ON lower(o.acronym) = w.word OR EXISTS (SELECT 1 FROM unnest(o.aliases) a WHERE lower(a) = w.word)
    CROSS JOIN LATERAL unnest(ARRAY[o.name] || o.aliases) n(name)
    WHERE lower(n.name) <> w.word AND n.name ~ '\\s'
    GROUP BY w.word`);
  return new Map(rows.map((r) => [r.word, r.names]));
}

function clauseQuery(c: QueryClause, expansions: Map<string, string[]>): Sql {
  if (c.type === 'phrase') return sql`search_phrase_query(${c.text})`;
  const names = expansions.get(c.text.toLowerCase()) ?? [];
  return sql.join(
    [sql`search_term_query(${c.text})`, ...names.map((n) => sql`search_phrase_query(${n})`)],
    ' || ',
  );
}

/** The tsquery text for a parsed query; empty when nothing searchable remains (only stop words). */
export async function compileTsQuery(
  db: Queryable,
  parsed: ParsedQuery,
  expansions: Map<string, string[]>,
): Promise<string> {
  const groups = parsed.groups.map(
    (g) =>
      sql`(${sql.join(
        g.map((c) => sql`(${clauseQuery(c, expansions)})`),
        ' || ',
      )})`,
  );
  const excluded = parsed.excluded.map((c) => sql`!!(${clauseQuery(c, expansions)})`);
  const all = [...groups, ...excluded];
  if (!all.length) return '';
  const [row] = await db.query<{ q: string; n: number }>(
    sql`SELECT q::text AS q, numnode(q) AS n FROM (SELECT ${sql.join(all, ' && ')} AS q) x`,
  );
  // A query of exclusions only would have to scan everything; it is refused by the service.
  return row && row.n > 0 ? row.q : '';
}

function filterConditions(q: SearchQuery): Sql[] {
  const c: Sql[] = [];
  if (q.kind?.length) c.push(sql`e.kind = ANY(${q.kind}::text[])`);
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

function matching(viewer: Viewer, q: SearchQuery, tsquery: string): Sql {
  const text = tsquery ? [sql`e.tsv @@ ${tsquery}::tsquery`] : [];
  return sql.and([visibleTo(viewer, 'e'), ...text, ...filterConditions(q)]);
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

export async function findHits(
  db: Queryable,
  viewer: Viewer,
  q: SearchQuery,
  tsquery: string,
  page: { offset: number; limit: number; byDate: boolean },
): Promise<HitRow[]> {
  const rank = tsquery ? sql`ts_rank_cd(e.tsv, ${tsquery}::tsquery, 32)` : sql`0`;
  const order = page.byDate ? sql`e.sort_date DESC NULLS LAST, e.seq DESC` : sql`rank DESC, e.seq DESC`;
  const headline = tsquery
    ? sql`ts_headline(h.config, coalesce(nullif(h.body, ''), h.title), ${tsquery}::tsquery, ${HEADLINE_OPTIONS})`
    : sql`left(coalesce(h.body, ''), 240)`;
  // Headlines are made for the page only: they re-read the text and cost far more than ranking.
  return db.query<HitRow>(sql`
    WITH page AS (
      SELECT e.kind, e.record_id, e.project_id, e.title, e.sort_date, e.countries, e.themes, e.status, e.score,
        e.language, e.config, left(e.body, 20000) AS body, ${rank} AS rank, e.seq
      FROM search_entries e WHERE ${matching(viewer, q, tsquery)}
      ORDER BY ${order} LIMIT ${page.limit + 1} OFFSET ${page.offset})
    SELECT h.kind, h.record_id, h.project_id, h.title, ${headline} AS headline, h.sort_date::text AS sort_date,
      h.countries, h.themes, h.status, h.score, trim(h.language) AS language, h.rank
    FROM page h ORDER BY ${page.byDate ? sql`h.sort_date DESC NULLS LAST, h.seq DESC` : sql`h.rank DESC, h.seq DESC`}`);
}

const FACET_SQL: Record<FacetName, Sql> = {
  kind: sql`SELECT 'kind' AS facet, kind AS value, count(*) AS n FROM hits GROUP BY 2`,
  country: sql`SELECT 'country', v, count(*) FROM hits, unnest(countries) v GROUP BY 2`,
  region: sql`SELECT 'region', v, count(*) FROM hits, unnest(regions) v GROUP BY 2`,
  theme: sql`SELECT 'theme', v, count(*) FROM hits, unnest(themes) v GROUP BY 2`,
  dac: sql`SELECT 'dac', v, count(*) FROM hits, unnest(dac_codes) v WHERE length(v) = 5 GROUP BY 2`,
  organisation: sql`SELECT 'organisation', v::text, count(*) FROM hits, unnest(org_ids) v GROUP BY 2`,
  status: sql`SELECT 'status', status, count(*) FROM hits WHERE status IS NOT NULL GROUP BY 2`,
  year: sql`SELECT 'year', year_start::text, count(*) FROM hits WHERE year_start IS NOT NULL GROUP BY 2`,
  score: sql`SELECT 'score', score, count(*) FROM hits WHERE score IS NOT NULL GROUP BY 2`,
  language: sql`SELECT 'language', trim(language), count(*) FROM hits WHERE language IS NOT NULL GROUP BY 2`,
};

/** Counts per facet value over everything that matches, visible to the viewer only. */
export async function countFacets(
  db: Queryable,
  viewer: Viewer,
  q: SearchQuery,
  tsquery: string,
): Promise<{ facet: FacetName; value: string; n: number }[]> {
  const parts = Object.values(FACET_SQL).map((s) => sql`(${s})`);
  return db.query(sql`
    WITH hits AS MATERIALIZED (
      SELECT e.kind, e.countries, e.regions, e.themes, e.dac_codes, e.org_ids, e.status, e.year_start, e.score, e.language
      FROM search_entries e WHERE ${matching(viewer, q, tsquery)})
    ${sql.join(parts, ' UNION ALL ')}`);
}

export async function organisationNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ id: string; name: string }>(
    sql`SELECT id, name FROM organisations WHERE id = ANY(${ids}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
