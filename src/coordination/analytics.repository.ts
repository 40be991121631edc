// SQL for who does what where: the map, gaps and concentration, the timeline and the brief's
// projects (the 3W matrix is in matrix.repository.ts). Every figure starts from `scope`, the
// projects the viewer may see that pass the filters, so a private project is never counted.
// Budgets come converted from the matrix facts.
import { fieldVisibleTo, visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import {
  activeInYearConditions,
  activeTodayConditions,
  projectFilterConditions,
} from '../projects/project-filters.repository.ts';
import type { AnalyticsQuery } from './coordination.schema.ts';
import { donorIdsOf } from './donors.repository.ts';
import { currencyIndex } from './matrix.repository.ts';

/** The filters of a request, and for briefs and gaps, only the projects active today. */
export type ScopeQuery = AnalyticsQuery & { activeToday?: boolean };

function scopeConditions(q: ScopeQuery): Sql[] {
  const c = projectFilterConditions(q);
  if (q.year !== undefined) c.push(...activeInYearConditions(q.year));
  if (q.activeToday) c.push(...activeTodayConditions('p'));
  return c;
}

/**
 * CTEs shared by every figure: scope (visible projects passing the filters), budget (each
 * project's budget in the target currency, converted line by line when its matrix facts were
 * computed), cw and tw (each project's weight per country and per theme: its share where given,
 * else an equal split, so a cell never counts a project's money twice).
 */
function withScope(viewer: Viewer, q: ScopeQuery): Sql {
  const countryFilter = q.country?.length ? sql`WHERE cw.country = ANY(${q.country}::text[])` : sql.empty;
  const themeFilter = q.theme?.length ? sql`WHERE tw.theme = ANY(${q.theme}::text[])` : sql.empty;
  return sql`WITH scope AS MATERIALIZED (
      SELECT p.id, p.title, p.code, p.status, p.start_date, p.end_date, p.ongoing, p.owner_org_id,
        ${fieldVisibleTo(viewer, 'p', sql`p.field_visibility->>'budget'`)} AS budget_visible
      FROM projects p WHERE ${sql.and([visibleTo(viewer, 'p'), ...scopeConditions(q)])}),
    -- Every fact row of a project carries its whole budget: one row is enough.
    budget AS MATERIALIZED (
      SELECT s.id AS project_id, f.amount FROM scope s CROSS JOIN LATERAL (
        SELECT f.budget[${currencyIndex(q.currency)}] AS amount
        FROM matrix_facts f WHERE f.project_id = s.id LIMIT 1) f
      -- A budget its owner withholds from this viewer counts as unknown.
      WHERE f.amount IS NOT NULL AND s.budget_visible),
    cw_all AS (
      SELECT s.id AS project_id, pc.country::text AS country,
        coalesce(pc.share / 100.0, 1.0 / count(*) OVER (PARTITION BY s.id)) AS w
      FROM scope s JOIN project_countries pc ON pc.project_id = s.id
      UNION ALL
      SELECT s.id, NULL, 1.0 FROM scope s WHERE NOT EXISTS (SELECT 1 FROM project_countries x WHERE x.project_id = s.id)),
    cw AS (SELECT * FROM cw_all cw ${countryFilter}),
    tw_all AS (
      SELECT s.id AS project_id, pt.theme, 1.0 / count(*) OVER (PARTITION BY s.id) AS w
      FROM scope s JOIN project_themes pt ON pt.project_id = s.id
      UNION ALL
      SELECT s.id, NULL, 1.0 FROM scope s WHERE NOT EXISTS (SELECT 1 FROM project_themes x WHERE x.project_id = s.id)),
    tw AS (SELECT * FROM tw_all tw ${themeFilter})`;
}

/** Currencies of budget lines in scope that the rate table lacks (their amounts are left out). */
export async function unconvertibleCurrencies(
  db: Queryable,
  viewer: Viewer,
  q: AnalyticsQuery,
): Promise<string[]> {
  const rows = await db.query<{ currency: string }>(sql`${withScope(viewer, q)}
    SELECT DISTINCT u.currency FROM scope s JOIN matrix_unconvertible u ON u.project_id = s.id ORDER BY 1`);
  return rows.map((r) => r.currency);
}

export interface MapRow {
  country: string;
  projects: number;
  budget: number;
  /** How many of the projects state a budget: none means unknown, not 0 (as the matrix and the brief say). */
  budgeted: number;
}

export async function mapByCountry(db: Queryable, viewer: Viewer, q: AnalyticsQuery): Promise<MapRow[]> {
  return db.query<MapRow>(sql`${withScope(viewer, q)}
    SELECT cw.country, count(DISTINCT cw.project_id) AS projects, round(coalesce(sum(b.amount * cw.w), 0)::numeric, 2) AS budget,
      count(DISTINCT b.project_id)::int AS budgeted
    FROM cw LEFT JOIN budget b ON b.project_id = cw.project_id
    WHERE cw.country IS NOT NULL GROUP BY cw.country ORDER BY projects DESC, cw.country`);
}

export interface ConcentrationRow {
  /** A country code, or a region's name. */
  area: string;
  theme: string;
  projects: number;
  donors: number;
  budget: number;
  hhi: number | null;
}

/**
 * Per country (or region) and theme: projects, donors (`donors.repository.ts`) and the
 * Herfindahl index of the donors' shares of the budget (of the projects when no budget is known):
 * 1 is one donor. Regions are those the projects name ("Central America"), each project's budget
 * split across them by share, else evenly.
 */
export async function concentration(
  db: Queryable,
  viewer: Viewer,
  q: ScopeQuery,
  by: 'country' | 'region' = 'country',
): Promise<ConcentrationRow[]> {
  const area =
    by === 'country'
      ? sql`SELECT project_id, country AS area, w FROM cw WHERE country IS NOT NULL`
      : sql`SELECT s.id AS project_id, pr.name AS area,
          coalesce(pr.share / 100.0, 1.0 / count(*) OVER (PARTITION BY s.id)) AS w
        FROM scope s JOIN project_regions pr ON pr.project_id = s.id`;
  return db.query<ConcentrationRow>(sql`${withScope(viewer, q)},
    area AS (${area}),
    donor AS (SELECT s.id AS project_id, d.org_id FROM scope s CROSS JOIN LATERAL (${donorIdsOf('s')}) d),
    donor_n AS (SELECT project_id, count(*) AS n FROM donor GROUP BY project_id),
    per_donor AS (
      SELECT a.area, tw.theme, d.org_id, count(DISTINCT d.project_id) AS projects,
        sum(coalesce(b.amount, 0) * a.w * tw.w / dn.n) AS budget
      FROM donor d JOIN donor_n dn ON dn.project_id = d.project_id
      JOIN area a ON a.project_id = d.project_id JOIN tw ON tw.project_id = d.project_id
      LEFT JOIN budget b ON b.project_id = d.project_id
      WHERE tw.theme IS NOT NULL
      GROUP BY a.area, tw.theme, d.org_id),
    cell AS (
      SELECT a.area, tw.theme, count(DISTINCT a.project_id) AS projects, sum(coalesce(b.amount, 0) * a.w * tw.w) AS budget
      FROM area a JOIN tw ON tw.project_id = a.project_id LEFT JOIN budget b ON b.project_id = a.project_id
      WHERE tw.theme IS NOT NULL GROUP BY a.area, tw.theme),
    totals AS (
      SELECT area, theme, count(*) AS donors, sum(budget) AS total, sum(projects) AS total_projects
      FROM per_donor GROUP BY area, theme)
    -- A cell whose projects name no donor still counts its projects and budget; its index is unknown.
    SELECT c.area, c.theme, c.projects, coalesce(t.donors, 0)::int AS donors, round(c.budget::numeric, 2) AS budget,
      round((SELECT CASE WHEN t.total > 0 THEN sum((pd.budget / nullif(t.total, 0)) ^ 2)
          ELSE sum((pd.projects::float / t.total_projects) ^ 2) END
        FROM per_donor pd WHERE pd.area = c.area AND pd.theme = c.theme)::numeric, 4) AS hhi
    FROM cell c LEFT JOIN totals t ON t.area = c.area AND t.theme = c.theme
    ORDER BY c.area, c.projects DESC, c.theme`);
}

export interface TimelineRow {
  country: string;
  id: string;
  title: string;
  status: string;
  start: string | null;
  end: string | null;
  ongoing: boolean;
}

export async function timelineRows(
  db: Queryable,
  viewer: Viewer,
  q: AnalyticsQuery,
  limit: number,
): Promise<TimelineRow[]> {
  return db.query<TimelineRow>(sql`${withScope(viewer, q)}
    SELECT cw.country, s.id, s.title, s.status, s.start_date AS start, s.end_date AS end, s.ongoing
    FROM cw JOIN scope s ON s.id = cw.project_id
    WHERE cw.country IS NOT NULL AND (s.start_date IS NOT NULL OR s.end_date IS NOT NULL)
    ORDER BY cw.country, s.start_date NULLS FIRST, s.title LIMIT ${limit}`);
}

export interface ScopedProjectRow {
  id: string;
  title: string;
  code: string | null;
  status: string;
  start: string | null;
  end: string | null;
  ongoing: boolean;
  themes: string[];
  donors: { id: string; name: string }[];
  /** The project's budget share for the filtered countries, in the target currency. */
  budget: number | null;
}

/** The projects in scope, each with its themes, donors and budget share, largest first. */
export async function scopedProjects(
  db: Queryable,
  viewer: Viewer,
  q: ScopeQuery,
): Promise<ScopedProjectRow[]> {
  return db.query<ScopedProjectRow>(sql`${withScope(viewer, q)},
    share AS (SELECT project_id, sum(w) AS w FROM cw GROUP BY project_id)
    SELECT s.id, s.title, s.code, s.status, s.start_date AS start, s.end_date AS end, s.ongoing,
      ARRAY(SELECT pt.theme FROM project_themes pt JOIN themes t ON t.slug = pt.theme WHERE pt.project_id = s.id ORDER BY t.position) AS themes,
      coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name) FROM organisations o
        WHERE o.id IN (${donorIdsOf('s')})), '[]') AS donors,
      round((b.amount * sh.w)::numeric, 2) AS budget
    FROM scope s JOIN share sh ON sh.project_id = s.id LEFT JOIN budget b ON b.project_id = s.id
    ORDER BY b.amount * sh.w DESC NULLS LAST, s.title`);
}
