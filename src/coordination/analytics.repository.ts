// SQL for who does what where: the 3W matrix, the map, gaps and concentration, and the timeline.
// Every figure starts from `scope`, the projects the viewer may see that pass the filters, so a
// private project is never counted in a cell. Budgets are converted with the shipped rate table.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import { budgetLabel } from '../iati/map.ts';
import { projectFilterConditions } from '../projects/projects.repository.ts';
import type { AnalyticsQuery } from './coordination.schema.ts';
import { exchangeRates } from './exchange-rates.ts';

// IATI budgets come as an original and, later, a revised budget for the same period: the revised
// one replaces the original (IATI's rule), so the two are never added up.
const IATI_ORIGINAL = `${budgetLabel('1', undefined).split(',')[0]}%`;
const IATI_REVISED = `${budgetLabel('2', undefined).split(',')[0]}%`;

function scopeConditions(q: AnalyticsQuery): Sql[] {
  const c = projectFilterConditions(q);
  if (q.year !== undefined) {
    c.push(sql`(p.start_date IS NULL OR p.start_date <= make_date(${q.year}::int, 12, 31))`);
    c.push(sql`(p.ongoing OR p.end_date IS NULL OR p.end_date >= make_date(${q.year}::int, 1, 1))`);
  }
  return c;
}

/**
 * CTEs shared by every figure: fx (the rate table), scope (visible projects passing the filters),
 * budget (each project's budget in the target currency), cw and tw (each project's weight per
 * country and per theme: its share where given, else an equal split, so a cell never counts a
 * project's money twice).
 */
function withScope(viewer: Viewer, q: AnalyticsQuery): Sql {
  const fx = exchangeRates();
  const countryFilter = q.country?.length ? sql`WHERE cw.country = ANY(${q.country}::text[])` : sql.empty;
  const themeFilter = q.theme?.length ? sql`WHERE tw.theme = ANY(${q.theme}::text[])` : sql.empty;
  return sql`WITH fx AS (
      SELECT * FROM unnest(${fx.currencies}::text[], ${fx.years}::int[], ${fx.perUsd}::float8[]) AS f(currency, year, per_usd)),
    fx_years AS (SELECT min(year) AS lo, max(year) AS hi FROM fx),
    scope AS MATERIALIZED (
      SELECT p.id, p.title, p.code, p.status, p.start_date, p.end_date, p.ongoing, p.owner_org_id
      FROM projects p WHERE ${sql.and([visibleTo(viewer, 'p'), ...scopeConditions(q)])}),
    -- Each line's year first, then its rates by (currency, year): joined on currency alone, every
    -- line met every year of the table first (20 times the rows).
    budget_lines_in_scope AS MATERIALIZED (
      SELECT b.project_id, b.amount, b.currency, least(greatest(extract(year FROM coalesce(b.value_date, b.period_start,
        s.start_date, current_date))::int, fx_years.lo), fx_years.hi) AS y
      FROM scope s JOIN budget_lines b ON b.project_id = s.id CROSS JOIN fx_years
      WHERE NOT (b.label LIKE ${IATI_ORIGINAL} AND EXISTS (SELECT 1 FROM budget_lines r
        WHERE r.project_id = b.project_id AND r.label LIKE ${IATI_REVISED}
          AND r.period_start IS NOT DISTINCT FROM b.period_start AND r.period_end IS NOT DISTINCT FROM b.period_end))),
    budget AS MATERIALIZED (
      SELECT l.project_id, sum(l.amount / src.per_usd * dst.per_usd) AS amount
      FROM budget_lines_in_scope l
      JOIN fx src ON src.currency = l.currency AND src.year = l.y
      JOIN fx dst ON dst.currency = ${q.currency} AND dst.year = l.y
      GROUP BY l.project_id),
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

/** Who: participants in the given roles; a project with none is its owner's. */
function whoCte(q: AnalyticsQuery): Sql {
  const roles = q.role?.length ? sql`AND pp.role = ANY(${q.role}::text[])` : sql.empty;
  const owners = q.role?.length
    ? sql.empty
    : sql`UNION SELECT s.id, s.owner_org_id FROM scope s
        WHERE NOT EXISTS (SELECT 1 FROM project_participants x WHERE x.project_id = s.id)`;
  return sql`, who AS (
    SELECT DISTINCT s.id AS project_id, pp.org_id FROM scope s JOIN project_participants pp ON pp.project_id = s.id ${roles}
    ${owners})`;
}

export interface MatrixRow {
  org_id: string;
  organisation: string;
  country: string | null;
  theme: string | null;
  projects: number;
  budget: number;
}

/**
 * Cells per organisation and the dimensions asked for. A dimension left out is not split on: its
 * column is NULL, each project counts once per cell, and its budget weights add up within the cell.
 */
export async function matrixCells(
  db: Queryable,
  viewer: Viewer,
  q: AnalyticsQuery & { dimensions: ('country' | 'theme')[] },
): Promise<MatrixRow[]> {
  const country = q.dimensions.includes('country') ? sql`cw.country` : sql`NULL::text`;
  const theme = q.dimensions.includes('theme') ? sql`tw.theme` : sql`NULL::text`;
  return db.query<MatrixRow>(sql`${withScope(viewer, q)}${whoCte(q)}
    SELECT o.id AS org_id, o.name AS organisation, ${country} AS country, ${theme} AS theme, count(DISTINCT w.project_id) AS projects,
      round(coalesce(sum(b.amount * cw.w * tw.w), 0)::numeric, 2) AS budget
    FROM who w JOIN organisations o ON o.id = w.org_id
    JOIN cw ON cw.project_id = w.project_id JOIN tw ON tw.project_id = w.project_id
    LEFT JOIN budget b ON b.project_id = w.project_id
    GROUP BY o.id, o.name, ${country}, ${theme}
    ORDER BY budget DESC, projects DESC, o.name, ${country}, ${theme}`);
}

/** Currencies of budget lines in scope that the rate table lacks (their amounts are left out). */
export async function unconvertibleCurrencies(
  db: Queryable,
  viewer: Viewer,
  q: AnalyticsQuery,
): Promise<string[]> {
  const rows = await db.query<{ currency: string }>(sql`${withScope(viewer, q)}
    SELECT DISTINCT b.currency FROM scope s JOIN budget_lines b ON b.project_id = s.id
    WHERE NOT EXISTS (SELECT 1 FROM fx WHERE fx.currency = b.currency) ORDER BY 1`);
  return rows.map((r) => r.currency);
}

export interface MapRow {
  country: string;
  projects: number;
  budget: number;
}

export async function mapByCountry(db: Queryable, viewer: Viewer, q: AnalyticsQuery): Promise<MapRow[]> {
  return db.query<MapRow>(sql`${withScope(viewer, q)}
    SELECT cw.country, count(DISTINCT cw.project_id) AS projects, round(coalesce(sum(b.amount * cw.w), 0)::numeric, 2) AS budget
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
 * Per country (or region) and theme: projects, donors (funders, else the owner) and the
 * Herfindahl index of the donors' shares of the budget (of the projects when no budget is known):
 * 1 is one donor. Regions are those the projects name ("Central America"), each project's budget
 * split across them by share, else evenly.
 */
export async function concentration(
  db: Queryable,
  viewer: Viewer,
  q: AnalyticsQuery,
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
    donor AS (
      SELECT s.id AS project_id, pp.org_id FROM scope s JOIN project_participants pp ON pp.project_id = s.id AND pp.role = 'funder'
      UNION SELECT s.id, s.owner_org_id FROM scope s
        WHERE NOT EXISTS (SELECT 1 FROM project_participants x WHERE x.project_id = s.id AND x.role = 'funder')),
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
      SELECT a.area, tw.theme, count(DISTINCT a.project_id) AS projects
      FROM area a JOIN tw ON tw.project_id = a.project_id
      WHERE tw.theme IS NOT NULL GROUP BY a.area, tw.theme),
    totals AS (
      SELECT area, theme, count(*) AS donors, sum(budget) AS total, sum(projects) AS total_projects
      FROM per_donor GROUP BY area, theme)
    SELECT c.area, c.theme, c.projects, t.donors, round(t.total::numeric, 2) AS budget,
      round((SELECT CASE WHEN t.total > 0 THEN sum((pd.budget / nullif(t.total, 0)) ^ 2)
          ELSE sum((pd.projects::float / t.total_projects) ^ 2) END
        FROM per_donor pd WHERE pd.area = c.area AND pd.theme = c.theme)::numeric, 4) AS hhi
    FROM cell c JOIN totals t ON t.area = c.area AND t.theme = c.theme
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
  q: AnalyticsQuery,
): Promise<ScopedProjectRow[]> {
  return db.query<ScopedProjectRow>(sql`${withScope(viewer, q)},
    share AS (SELECT project_id, sum(w) AS w FROM cw GROUP BY project_id)
    SELECT s.id, s.title, s.code, s.status, s.start_date AS start, s.end_date AS end, s.ongoing,
      ARRAY(SELECT pt.theme FROM project_themes pt JOIN themes t ON t.slug = pt.theme WHERE pt.project_id = s.id ORDER BY t.position) AS themes,
      coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name) FROM organisations o
        WHERE o.id IN (SELECT pp.org_id FROM project_participants pp WHERE pp.project_id = s.id AND pp.role = 'funder')
          OR (o.id = s.owner_org_id AND NOT EXISTS (
            SELECT 1 FROM project_participants pp WHERE pp.project_id = s.id AND pp.role = 'funder'))), '[]') AS donors,
      round((b.amount * sh.w)::numeric, 2) AS budget
    FROM scope s JOIN share sh ON sh.project_id = s.id LEFT JOIN budget b ON b.project_id = s.id
    ORDER BY b.amount * sh.w DESC NULLS LAST, s.title`);
}
