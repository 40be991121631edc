// Which index entries a search matches: its words, its filters and the one access filter, and how
// they rank; and the size of the index, which decides whether a search may sample.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { CompiledClause, CompiledQuery } from './query-compiler.ts';
import type { SearchQuery } from './search.schema.ts';

function clauseCondition(c: CompiledClause): Sql {
  const any: Sql[] = [];
  if (c.q) any.push(sql`e.tsv @@ ${c.q}::tsquery`);
  if (c.countries.length) any.push(sql`e.countries && ${c.countries}::text[]`);
  if (c.themes.length) any.push(sql`e.themes && ${c.themes}::text[]`);
  if (c.orgs.length) any.push(sql`e.org_ids && ${c.orgs}::uuid[]`);
  return sql`(${sql.join(any, ' OR ')})`;
}

export function textConditions(query: CompiledQuery | null): Sql[] {
  if (!query) return [];
  return [
    ...query.groups.map((g) => sql`(${sql.join(g.map(clauseCondition), ' OR ')})`),
    ...query.excluded.map((c) => sql`NOT ${clauseCondition(c)}`),
  ];
}

export function rankOf(query: CompiledQuery | null): Sql {
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

export function filterConditions(q: SearchQuery): Sql[] {
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
export function matching(
  viewer: Viewer,
  q: SearchQuery,
  query: CompiledQuery | null,
  region: Sql[] = [],
): Sql {
  return sql.and([visibleTo(viewer, 'e'), ...textConditions(query), ...filterConditions(q), ...region]);
}

/** Above this many entries a query may be counted on a sample, and overlaps sample their weakest candidates. */
export const LARGE_INDEX = 5_000;

/** Entries in the whole index, as kept by search_index (migration 031). */
export async function indexSize(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number | null }>(sql`SELECT sum(entries) AS n FROM search_buckets`);
  return row?.n ?? 0;
}
