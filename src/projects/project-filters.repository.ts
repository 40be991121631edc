// The conditions that filter projects (country with its regions, theme, status, dates, "active today"),
// shared by the project list, the 3W views, the summary, overlaps and the IATI export.

import type { Viewer } from '../access/viewer.ts';
import { storedRegionKeys } from '../countries/regions.ts';
import { type Sql, sql } from '../db/sql.ts';
import { completenessConditions } from '../quality/quality.repository.ts';
import type { ProjectListQuery } from './projects.schema.ts';

/**
 * Conditions on the row aliased `row.alias`, which has the projects table's status column and the
 * project's id in `row.id` (the 3W matrix's facts carry them too).
 */
export function projectFilterConditions(
  f: {
    country?: string[];
    theme?: string[];
    dac?: string[];
    status?: string[];
  },
  row: { alias: 'p' | 'f'; id: 'id' | 'project_id' } = { alias: 'p', id: 'id' },
): Sql[] {
  const c: Sql[] = [];
  const id = sql.raw(`${row.alias}.${row.id}`);
  const status = sql.raw(`${row.alias}.status`);
  if (f.country?.length)
    c.push(
      sql`EXISTS (SELECT 1 FROM project_countries x WHERE x.project_id = ${id} AND x.country = ANY(${f.country}::text[]))`,
    );
  if (f.theme?.length)
    c.push(
      sql`EXISTS (SELECT 1 FROM project_themes x WHERE x.project_id = ${id} AND x.theme = ANY(${f.theme}::text[]))`,
    );
  if (f.dac?.length) {
    // A 3-digit category matches every 5-digit code under it.
    c.push(sql`EXISTS (SELECT 1 FROM project_sectors x WHERE x.project_id = ${id}
      AND (x.code = ANY(${f.dac}::text[]) OR left(x.code, 3) = ANY(${f.dac}::text[])))`);
  }
  if (f.status?.length) c.push(sql`${status} = ANY(${f.status}::text[])`);
  return c;
}

/**
 * Active today, the one rule every count of active projects uses (briefs, gaps, the dashboard,
 * who else works here): the dates say it runs (started, not ended, or ongoing) and the status,
 * a hint where dates are missing, says it is under way. An ended project whose status was never
 * updated is not active, nor is one in finalisation, closed, cancelled, suspended or in the pipeline.
 */
export function activeTodayConditions(alias = 'p'): Sql[] {
  const a = sql.raw(alias);
  return [
    sql`${a}.status = 'active'`,
    sql`(${a}.start_date IS NULL OR ${a}.start_date <= current_date)`,
    sql`(${a}.ongoing OR ${a}.end_date IS NULL OR ${a}.end_date >= current_date)`,
  ];
}

/** Running at some time in the year: the row aliased `alias` has the projects table's date columns. */
export function activeInYearConditions(year: number, alias: 'p' | 'f' = 'p'): Sql[] {
  const a = sql.raw(alias);
  return [
    sql`(${a}.start_date IS NULL OR ${a}.start_date <= make_date(${year}::int, 12, 31))`,
    sql`(${a}.ongoing OR ${a}.end_date IS NULL OR ${a}.end_date >= make_date(${year}::int, 1, 1))`,
  ];
}

/** The project list's conditions; the completeness filters answer as the viewer's scores do. */
export function listConditions(q: ProjectListQuery, viewer: Viewer): Sql[] {
  const c = [...projectFilterConditions({ ...q, country: undefined }), ...completenessConditions(viewer, q)];
  if (q.country?.length) {
    // A regional project counts for every country its region holds.
    const held = storedRegionKeys(q.country);
    c.push(sql`(EXISTS (SELECT 1 FROM project_countries x WHERE x.project_id = p.id AND x.country = ANY(${q.country}::text[]))
      OR EXISTS (SELECT 1 FROM project_regions x WHERE x.project_id = p.id
        AND (x.name = ANY(${held.names}::text[]) OR x.code = ANY(${held.codes}::text[]))))`);
  }
  if (q.organisation) {
    const role = q.role ? sql`AND x.role = ${q.role}` : sql.empty;
    c.push(sql`(${q.role ? sql`FALSE` : sql`p.owner_org_id = ${q.organisation}`} OR EXISTS (SELECT 1 FROM project_participants x
      WHERE x.project_id = p.id AND x.org_id = ${q.organisation} ${role}))`);
  }
  if (q.from) c.push(sql`(p.end_date IS NULL OR p.end_date >= ${q.from}::date OR p.ongoing)`);
  if (q.to) c.push(sql`(p.start_date IS NULL OR p.start_date <= ${q.to}::date)`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
    c.push(sql`(p.title ILIKE ${like} OR p.code ILIKE ${like} OR p.iati_identifier ILIKE ${like})`);
  }
  return c;
}
