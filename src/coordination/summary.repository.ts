// SQL for the registry in numbers: how many projects the viewer may see, and how many per country,
// theme and donor, counted in the database so the figures are exact however large the registry.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { activeTodayConditions, projectFilterConditions } from '../projects/project-filters.repository.ts';
import type { SummaryQuery } from './coordination.schema.ts';
import { donorIdsOf } from './donors.repository.ts';

export interface SummaryRow {
  projects: number;
  active: number;
  countries: { country: string; projects: number }[];
  themes: { theme: string; projects: number }[];
  /** Funders, else a donor-government owner of a project that names none (`donors.repository.ts`). */
  donors: { org_id: string; name: string; projects: number }[];
  recent: { id: string; title: string; owner_name: string; updated_at: string }[];
}

const RECENT = 8;

export async function registrySummary(db: Queryable, viewer: Viewer, q: SummaryQuery): Promise<SummaryRow> {
  const where = sql.and([visibleTo(viewer, 'p'), ...projectFilterConditions(q)]);
  const rows = await db.query<SummaryRow>(sql`WITH scope AS MATERIALIZED (
      SELECT p.id, p.owner_org_id, p.title, p.updated_at, ${sql.and(activeTodayConditions('p'))} AS active
      FROM projects p WHERE ${where}),
    donor AS (SELECT s.id AS project_id, d.org_id FROM scope s CROSS JOIN LATERAL (${donorIdsOf('s')}) d)
    SELECT (SELECT count(*)::int FROM scope) AS projects,
      (SELECT count(*)::int FROM scope WHERE active) AS active,
      coalesce((SELECT json_agg(json_build_object('country', c.country, 'projects', c.n) ORDER BY c.n DESC, c.country)
        FROM (SELECT pc.country::text AS country, count(*) AS n FROM scope s JOIN project_countries pc ON pc.project_id = s.id
          GROUP BY pc.country) c), '[]') AS countries,
      coalesce((SELECT json_agg(json_build_object('theme', t.theme, 'projects', t.n) ORDER BY t.n DESC, t.theme)
        FROM (SELECT pt.theme, count(*) AS n FROM scope s JOIN project_themes pt ON pt.project_id = s.id
          GROUP BY pt.theme) t), '[]') AS themes,
      coalesce((SELECT json_agg(json_build_object('org_id', d.org_id, 'name', o.name, 'projects', d.n) ORDER BY d.n DESC, o.name)
        FROM (SELECT org_id, count(DISTINCT project_id) AS n FROM donor GROUP BY org_id) d
        JOIN organisations o ON o.id = d.org_id), '[]') AS donors,
      coalesce((SELECT json_agg(json_build_object('id', r.id, 'title', r.title, 'owner_name', o.name, 'updated_at', r.updated_at)
          ORDER BY r.updated_at DESC)
        FROM (SELECT * FROM scope ORDER BY updated_at DESC, id LIMIT ${RECENT}) r
        JOIN organisations o ON o.id = r.owner_org_id), '[]') AS recent`);
  return rows[0]!;
}
