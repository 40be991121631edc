// SQL for "who else works here": candidate projects that share a country, theme, DAC code or
// institution with a draft, or words with its title, scored in one statement over the search
// index. Only projects the viewer may see are candidates, so nothing else can be explained.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';

export interface DraftFacets {
  selfId: string | null;
  countries: string[];
  themes: string[];
  dacCodes: string[];
  partnerIds: string[];
  funderIds: string[];
  start: string | null;
  end: string | null;
  title: string;
  text: string;
  excludeSameDonor: boolean;
}

export interface OverlapRow {
  id: string;
  title: string;
  code: string | null;
  description: string | null;
  status: string;
  start_date: string | null;
  end_date: string | null;
  ongoing: boolean;
  owner_org_id: string;
  owner_name: string;
  shared_countries: string[];
  shared_themes: string[];
  shared_dac: string[];
  shared_orgs: { org_id: string; name: string; roles: string[] }[];
  dates_overlap: boolean;
  text_rank: number;
  title_similarity: number;
  score: number;
}

// Weights of each reason; a closed or cancelled project keeps STATUS_CLOSED of its score, so an
// active project ranks above a closed one that overlaps as much.
const W = { country: 3, theme: 2, dac: 1, institution: 1.5, dates: 1, text: 3 };
const STATUS_CLOSED = 0.75;
/** Projects that only share a theme, a DAC code or title words: the most recent this many. */
const SECONDARY = 500;
/** Of SAMPLE_BUCKETS (256), the buckets secondary candidates are read from in a large registry. */
const SECONDARY_BUCKETS = 8;
/** Candidates read in full and scored with their text and dates. */
const SHORTLIST = 200;
const num = (n: number) => sql.raw(String(n));

/** How many of `values` (each once) the array `column` holds. */
const sharedCount = (column: Sql, values: string[], type: 'text' | 'uuid') =>
  values.length
    ? sql`(${sql.join(
        [...new Set(values)].map((v) => sql`(${column} @> ARRAY[${v}::${sql.raw(type)}])::int`),
        ' + ',
      )})`
    : sql`0`;

/** An OR of the stems of `text`, as tsquery text ('' when it has none). */
export async function orQueryOf(db: Queryable, text: string): Promise<string> {
  if (!text.trim()) return '';
  const [row] = await db.query<{ q: string | null }>(sql`
    SELECT string_agg(quote_literal(l), ' | ') AS q
    FROM unnest(tsvector_to_array(to_tsvector('tacit_english', ${text}) || to_tsvector('tacit_spanish', ${text}))) l`);
  return row?.q ?? '';
}

export async function findOverlappingProjects(
  db: Queryable,
  viewer: Viewer,
  d: DraftFacets,
  titleQuery: string,
  textQuery: string,
  limit: number,
  sampleSecondary: boolean,
): Promise<OverlapRow[]> {
  const tq = titleQuery || null;
  const xq = textQuery || null;
  const donorExclusion =
    d.excludeSameDonor && d.funderIds.length
      ? sql`AND NOT (e.owner_org_id = ANY(${d.funderIds}::uuid[]) OR e.org_roles && ${d.funderIds.map((id) => `${id}:funder`)}::text[])`
      : sql.empty;
  // In a large registry, a theme alone matches tens of thousands of projects: the secondary
  // candidates then come from a sample of the index (search buckets) rather than all of them.
  const secondarySample = sampleSecondary ? sql`AND e.bucket < ${SECONDARY_BUCKETS}` : sql.empty;
  const base = sql`e.kind = 'project' AND ${visibleTo(viewer, 'e')} AND e.record_id IS DISTINCT FROM ${d.selfId}::uuid ${donorExclusion}`;
  // Candidates carry how many of the draft's values they share, summed from one containment test
  // per value: a set intersection per candidate and reason was most of the statement's time (2,400
  // candidates in a country of the bench registry). The values themselves are listed for the
  // shortlist only.
  const facets = sql`e.record_id AS id, e.status,
        ${sharedCount(sql`e.countries`, d.countries, 'text')} AS nc,
        ${sharedCount(sql`e.themes`, d.themes, 'text')} AS nt,
        ${sharedCount(sql`e.dac_codes`, d.dacCodes, 'text')} AS nd,
        ${sharedCount(sql`e.org_ids`, d.partnerIds, 'uuid')} AS no,
        coalesce(e.tsv @@ d.tq, false) AS title_words`;
  // Candidates: every project in the same countries or with the same institutions (few, and the
  // strongest reasons), then the most recent of those that only share a theme, a DAC code or
  // title words. The cheap reasons order them,
  // and only the best SHORTLIST are read in full and scored with text and dates.
  return db.query<OverlapRow>(sql`
    WITH d AS (
      SELECT ${d.countries}::text[] AS c, ${d.themes}::text[] AS t, ${d.dacCodes}::text[] AS dc,
        ${d.partnerIds}::uuid[] AS o, ${tq}::tsquery AS tq, ${xq}::tsquery AS xq,
        ${d.start}::date AS s, ${d.end}::date AS en, ${d.title}::text AS title),
    cand AS MATERIALIZED (
      SELECT ${facets} FROM search_entries e, d WHERE ${base} AND (e.countries && d.c OR e.org_ids && d.o)
      UNION ALL
      (SELECT ${facets} FROM search_entries e, d WHERE ${base}
        AND NOT (e.countries && d.c OR e.org_ids && d.o)
        AND (e.themes && d.t OR e.dac_codes && d.dc OR e.tsv @@ d.tq) ${secondarySample}
        ORDER BY e.sort_date DESC NULLS LAST LIMIT ${SECONDARY})),
    short AS (
      SELECT c.* FROM cand c, d
      ORDER BY (${num(W.country)} * c.nc::float / greatest(cardinality(d.c), 1)
        + ${num(W.theme)} * c.nt::float / greatest(cardinality(d.t), 1)
        + ${num(W.dac)} * least(c.nd::float / greatest(cardinality(d.dc), 1), 1)
        + ${num(W.institution)} * least(c.no, 2)
        + CASE WHEN c.title_words THEN ${num(W.text / 2)} ELSE 0 END)
        * CASE WHEN c.status IN ('closed', 'cancelled') THEN ${num(STATUS_CLOSED)} ELSE 1 END DESC
      LIMIT ${SHORTLIST}),
    scored AS (
      SELECT c.*, p.title,
        ARRAY(SELECT unnest(t.countries) INTERSECT SELECT unnest(d.c)) AS sc,
        ARRAY(SELECT unnest(t.themes) INTERSECT SELECT unnest(d.t)) AS st,
        ARRAY(SELECT unnest(t.dac_codes) INTERSECT SELECT unnest(d.dc)) AS sd,
        ARRAY(SELECT unnest(t.org_ids) INTERSECT SELECT unnest(d.o)) AS so, p.code, p.description, p.status AS project_status, p.start_date, p.end_date, p.ongoing,
        p.owner_org_id,
        (d.s IS NOT NULL OR d.en IS NOT NULL)
          AND (p.start_date IS NULL OR d.en IS NULL OR p.start_date <= d.en)
          AND (p.ongoing OR p.end_date IS NULL OR d.s IS NULL OR p.end_date >= d.s) AS dates_overlap,
        coalesce(ts_rank_cd(t.tsv, d.xq, 32), 0) AS text_rank,
        similarity(p.title, d.title) AS title_similarity
      FROM short c JOIN projects p ON p.id = c.id
        JOIN search_entries t ON t.kind = 'project' AND t.record_id = c.id, d
      WHERE ${visibleTo(viewer, 'p')})
    SELECT s.id, s.title, s.code, s.description, s.project_status AS status, s.start_date, s.end_date, s.ongoing,
      s.owner_org_id, o.name AS owner_name,
      s.sc AS shared_countries, s.st AS shared_themes,
      ARRAY(SELECT x FROM unnest(s.sd) x WHERE length(x) = 5 OR NOT EXISTS (
        SELECT 1 FROM unnest(s.sd) y WHERE length(y) = 5 AND left(y, 3) = x)) AS shared_dac,
      coalesce((SELECT json_agg(json_build_object('org_id', so.id, 'name', so.name,
          'roles', ARRAY(SELECT pp.role FROM project_participants pp WHERE pp.project_id = s.id AND pp.org_id = so.id)))
        FROM organisations so WHERE so.id = ANY(s.so)), '[]') AS shared_orgs,
      s.dates_overlap, s.text_rank, s.title_similarity,
      (${num(W.country)} * cardinality(s.sc)::float / greatest(cardinality(d.c), 1)
        + ${num(W.theme)} * cardinality(s.st)::float / greatest(cardinality(d.t), 1)
        + ${num(W.dac)} * least(cardinality(s.sd)::float / greatest(cardinality(d.dc), 1), 1)
        + ${num(W.institution)} * least(cardinality(s.so), 2)
        + CASE WHEN s.dates_overlap THEN ${num(W.dates)} ELSE 0 END
        + ${num(W.text)} * s.text_rank)
        * CASE WHEN s.project_status IN ('closed', 'cancelled') THEN ${num(STATUS_CLOSED)} ELSE 1 END AS score
    FROM scored s JOIN organisations o ON o.id = s.owner_org_id, d
    ORDER BY score DESC, s.title LIMIT ${limit}`);
}
