// SQL of the criteria portfolio: each evaluation finding's criterion and rating, grouped by its
// project's theme or region. Evaluations and projects are read through the one access filter.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { WEAK_SIX_POINT } from '../reference/scales.ts';

export interface CriterionCountRow {
  key: string | null;
  label: string | null;
  criterion: string;
  findings: number;
  rated: number;
  weak: number;
}

export const criteriaRepository = {
  counts(db: Queryable, viewer: Viewer, by: 'theme' | 'region' | 'all'): Promise<CriterionCountRow[]> {
    const group =
      by === 'theme'
        ? sql`g.theme AS key, (SELECT label_en FROM themes WHERE slug = g.theme) AS label
            FROM evaluations e LEFT JOIN projects p ON p.id = e.project_id AND ${visibleTo(viewer, 'p')}
            LEFT JOIN LATERAL (SELECT theme FROM project_themes WHERE project_id = p.id) g ON TRUE`
        : by === 'region'
          ? sql`g.name AS key, g.name AS label
            FROM evaluations e LEFT JOIN projects p ON p.id = e.project_id AND ${visibleTo(viewer, 'p')}
            LEFT JOIN LATERAL (SELECT name FROM project_regions WHERE project_id = p.id) g ON TRUE`
          : sql`NULL::text AS key, NULL::text AS label FROM evaluations e`;
    return db.query<CriterionCountRow>(sql`SELECT key, label, criterion, count(*)::int AS findings,
        count(rating)::int AS rated, count(*) FILTER (WHERE rating = ANY(${[...WEAK_SIX_POINT]}::text[]))::int AS weak
      FROM (SELECT c.criterion, c.rating, ${group}
        CROSS JOIN LATERAL (SELECT f->>'criterion' AS criterion, lower(f->>'rating') AS rating
          FROM jsonb_array_elements(e.findings) f) c
        WHERE ${visibleTo(viewer, 'e')}) x
      GROUP BY key, label, criterion ORDER BY key NULLS LAST, criterion`);
  },
};
