// SQL for "who else works here": candidate projects that share a country, theme, DAC code or
// institution with a draft, or words with its title, scored in one statement over the search
// index. Only projects the viewer may see are candidates, so nothing else can be explained.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import { activeTodayConditions } from '../projects/project-filters.repository.ts';

export interface DraftFacets {
  selfId: string | null;
  countries: string[];
  /** Countries of the draft's regions that it does not name itself. */
  regionCountries: string[];
  /** Names a project may store for a region holding one of the draft's countries, or for the draft's own regions. */
  regionNames: string[];
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
  iati_identifier: string | null;
  countries: string[];
  regions: { name: string; code: string | null }[];
  donors: { id: string; name: string }[];
  shared_countries: string[];
  shared_themes: string[];
  shared_dac: string[];
  shared_orgs: { org_id: string; name: string; roles: string[] }[];
  dates_overlap: boolean;
  text_rank: number;
  title_similarity: number;
  score: number;
}

// Weights of each reason. A project sharing a place (a country, or a region holding one) or an
// institution with the draft is in the first tier: PLACE_TIER exceeds all that themes, codes,
// dates and wording can add up to (7), so such a project always ranks above one that only shares
// those. A project that is not active (dates and status) keeps NOT_ACTIVE of the rest, so an
// active project ranks above a finished one that overlaps as much.
const W = { country: 4, region: 1.5, institution: 1.5, theme: 2, dac: 1, dates: 1, text: 3 };
const PLACE_TIER = 10;
const NOT_ACTIVE = 0.75;
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

export interface WordCount {
  word: string;
  /** Its stems in English and Spanish, as the index holds them. */
  stems: string[];
  /** Entries (of `entries`) holding its most common stem. */
  matches: number;
}

/**
 * How many index entries hold each word, to weigh words by rarity: over the whole index when it
 * is small, else over its first bucket (a 256th, with indexes of its own: migration 055).
 */
export async function countWords(
  db: Queryable,
  words: string[],
  large: boolean,
): Promise<{ entries: number; words: WordCount[] }> {
  if (!words.length) return { entries: 0, words: [] };
  const sample = large ? sql`AND e.bucket = 0` : sql.empty;
  const rows = await db.query<WordCount & { entries: number }>(sql`
    WITH w AS (
      SELECT w AS word, ARRAY(SELECT DISTINCT unnest(tsvector_to_array(
        to_tsvector('tacit_english', w) || to_tsvector('tacit_spanish', w)))) AS stems
      FROM unnest(${words}::text[]) w),
    s AS (SELECT DISTINCT unnest(stems) AS stem FROM w),
    n AS (SELECT s.stem, (SELECT count(*) FROM search_entries e
        WHERE e.tsv @@ quote_literal(s.stem)::tsquery ${sample})::int AS n FROM s)
    SELECT w.word, w.stems, coalesce((SELECT max(n.n) FROM n WHERE n.stem = ANY(w.stems)), 0)::int AS matches,
      (SELECT count(*) FROM search_entries e WHERE TRUE ${sample})::int AS entries
    FROM w`);
  return { entries: rows[0]?.entries ?? 0, words: rows };
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
        (e.regions && d.rn OR e.countries && d.cr) AS regional,
        ${sharedCount(sql`e.themes`, d.themes, 'text')} AS nt,
        ${sharedCount(sql`e.dac_codes`, d.dacCodes, 'text')} AS nd,
        ${sharedCount(sql`e.org_ids`, d.partnerIds, 'uuid')} AS no,
        coalesce(e.tsv @@ d.tq, false) AS title_words`;
  const anchored = sql`(e.countries && d.c OR e.org_ids && d.o OR e.regions && d.rn OR e.countries && d.cr)`;
  // The first tier's score (a shared place or institution) and the rest, from counts or arrays.
  const tier = (nc: Sql, regional: Sql, no: Sql) =>
    sql`CASE WHEN ${nc} > 0 OR ${regional} OR ${no} > 0 THEN ${num(PLACE_TIER)} ELSE 0 END`;
  const place = (
    nc: Sql,
    regional: Sql,
    no: Sql,
  ) => sql`(${num(W.country)} * ${nc}::float / greatest(cardinality(d.c), 1)
        + CASE WHEN ${nc} = 0 AND ${regional} THEN ${num(W.region)} ELSE 0 END
        + ${num(W.institution)} * least(${no}, 2))`;
  const topic = (nt: Sql, nd: Sql) => sql`(${num(W.theme)} * ${nt}::float / greatest(cardinality(d.t), 1)
        + ${num(W.dac)} * least(${nd}::float / greatest(cardinality(d.dc), 1), 1))`;
  // Candidates: every project in the same countries, in a region holding one of them (or in a
  // country of the draft's regions), or with the same institutions (few, and the strongest
  // reasons), then the most recent of those that only share a theme, a DAC code or distinctive
  // title words. The cheap reasons order them, and only the best SHORTLIST are read in full and
  // scored with text and dates.
  return db.query<OverlapRow>(sql`
    WITH d AS (
      SELECT ${d.countries}::text[] AS c, ${d.regionCountries}::text[] AS cr, ${d.regionNames}::text[] AS rn,
        ${d.themes}::text[] AS t, ${d.dacCodes}::text[] AS dc,
        ${d.partnerIds}::uuid[] AS o, ${tq}::tsquery AS tq, ${xq}::tsquery AS xq,
        ${d.start}::date AS s, ${d.end}::date AS en, ${d.title}::text AS title),
    cand AS MATERIALIZED (
      SELECT ${facets} FROM search_entries e, d WHERE ${base} AND ${anchored}
      UNION ALL
      (SELECT ${facets} FROM search_entries e, d WHERE ${base}
        AND NOT ${anchored}
        AND (e.themes && d.t OR e.dac_codes && d.dc OR e.tsv @@ d.tq) ${secondarySample}
        ORDER BY e.sort_date DESC NULLS LAST LIMIT ${SECONDARY})),
    short AS (
      SELECT c.* FROM cand c, d
      ORDER BY ${tier(sql`c.nc`, sql`c.regional`, sql`c.no`)}
        + (${place(sql`c.nc`, sql`c.regional`, sql`c.no`)} + ${topic(sql`c.nt`, sql`c.nd`)}
          + CASE WHEN c.title_words THEN ${num(W.text / 2)} ELSE 0 END)
        * CASE WHEN c.status = 'active' THEN 1 ELSE ${num(NOT_ACTIVE)} END DESC
      LIMIT ${SHORTLIST}),
    scored AS (
      SELECT c.*, p.title,
        ARRAY(SELECT unnest(t.countries) INTERSECT SELECT unnest(d.c)) AS sc,
        ARRAY(SELECT unnest(t.themes) INTERSECT SELECT unnest(d.t)) AS st,
        ARRAY(SELECT unnest(t.dac_codes) INTERSECT SELECT unnest(d.dc)) AS sd,
        ARRAY(SELECT unnest(t.org_ids) INTERSECT SELECT unnest(d.o)) AS so, p.code, p.description, p.status AS project_status, p.start_date, p.end_date, p.ongoing,
        p.owner_org_id, p.iati_identifier, ${sql.and(activeTodayConditions('p'))} AS active,
        (d.s IS NOT NULL OR d.en IS NOT NULL)
          AND (p.start_date IS NULL OR d.en IS NULL OR p.start_date <= d.en)
          AND (p.ongoing OR p.end_date IS NULL OR d.s IS NULL OR p.end_date >= d.s) AS dates_overlap,
        coalesce(ts_rank_cd(t.tsv, d.xq, 32), 0) AS text_rank,
        similarity(p.title, d.title) AS title_similarity
      FROM short c JOIN projects p ON p.id = c.id
        JOIN search_entries t ON t.kind = 'project' AND t.record_id = c.id, d
      WHERE ${visibleTo(viewer, 'p')})
    SELECT s.id, s.title, s.code, s.description, s.project_status AS status, s.start_date, s.end_date, s.ongoing,
      s.owner_org_id, o.name AS owner_name, s.iati_identifier,
      ARRAY(SELECT pc.country::text FROM project_countries pc WHERE pc.project_id = s.id ORDER BY 1) AS countries,
      coalesce((SELECT json_agg(json_build_object('name', pr.name, 'code', pr.code) ORDER BY pr.name)
        FROM project_regions pr WHERE pr.project_id = s.id), '[]') AS regions,
      -- Funders, else the owner (as the brief and the dashboard name donors).
      coalesce((SELECT json_agg(json_build_object('id', fo.id, 'name', fo.name) ORDER BY fo.name) FROM organisations fo
        WHERE fo.id IN (SELECT pp.org_id FROM project_participants pp WHERE pp.project_id = s.id AND pp.role = 'funder')),
        json_build_array(json_build_object('id', o.id, 'name', o.name))) AS donors,
      s.sc AS shared_countries, s.st AS shared_themes,
      ARRAY(SELECT x FROM unnest(s.sd) x WHERE length(x) = 5 OR NOT EXISTS (
        SELECT 1 FROM unnest(s.sd) y WHERE length(y) = 5 AND left(y, 3) = x)) AS shared_dac,
      coalesce((SELECT json_agg(json_build_object('org_id', so.id, 'name', so.name,
          'roles', ARRAY(SELECT pp.role FROM project_participants pp WHERE pp.project_id = s.id AND pp.org_id = so.id)))
        FROM organisations so WHERE so.id = ANY(s.so)), '[]') AS shared_orgs,
      s.dates_overlap, s.text_rank, s.title_similarity,
      ${tier(sql`cardinality(s.sc)`, sql`s.regional`, sql`cardinality(s.so)`)}
        + (${place(sql`cardinality(s.sc)`, sql`s.regional`, sql`cardinality(s.so)`)}
          + ${topic(sql`cardinality(s.st)`, sql`cardinality(s.sd)`)}
          + CASE WHEN s.dates_overlap THEN ${num(W.dates)} ELSE 0 END
          + ${num(W.text)} * s.text_rank)
        * CASE WHEN s.active THEN 1 ELSE ${num(NOT_ACTIVE)} END AS score
    FROM scored s JOIN organisations o ON o.id = s.owner_org_id, d
    ORDER BY score DESC, s.title LIMIT ${limit}`);
}
