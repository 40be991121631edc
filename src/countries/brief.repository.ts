// SQL for the parts of a country brief that are not analytics: open recommendations and the
// lessons learned there, each read through the access filter, and a project's country counted
// only when the project itself may be seen.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export interface OpenRecommendationRow {
  id: string;
  text: string;
  status: string;
  category: string | null;
  management_response: string | null;
  project_id: string | null;
  project_title: string | null;
  next_due: string | null;
}

export async function openRecommendations(db: Queryable, viewer: Viewer, country: string, limit: number) {
  return db.query<OpenRecommendationRow>(sql`
    SELECT r.id, r.text, r.status, r.category, r.management_response, p.id AS project_id, p.title AS project_title,
      (SELECT min((k->>'due_on')) FROM jsonb_array_elements(r.key_actions) k
        WHERE coalesce(k->>'status', 'not_started') NOT IN ('completed', 'no_longer_applicable')) AS next_due
    FROM recommendations r
    LEFT JOIN projects p ON p.id = r.project_id AND ${visibleTo(viewer, 'p')}
    WHERE ${visibleTo(viewer, 'r')} AND r.status <> 'closed'
      AND (r.country = ${country} OR (r.country IS NULL AND p.id IS NOT NULL
        AND EXISTS (SELECT 1 FROM project_countries pc WHERE pc.project_id = p.id AND pc.country = ${country})))
    ORDER BY next_due NULLS LAST, r.seq LIMIT ${limit}`);
}

export interface LessonRow {
  id: string;
  text: string;
  type: string;
  themes: string[];
  project_id: string | null;
  project_title: string | null;
  /** Other projects with a similar lesson (trigram similarity), anywhere. */
  recurs_in: number;
}

const SIMILAR_LESSON = 0.3;

export async function countryLessons(db: Queryable, viewer: Viewer, country: string, limit: number) {
  return db.query<LessonRow>(sql`
    WITH here AS (
      SELECT l.id, l.text, l.type, l.themes, l.project_id, p.title AS project_title
      FROM lessons l LEFT JOIN projects p ON p.id = l.project_id AND ${visibleTo(viewer, 'p')}
      WHERE ${visibleTo(viewer, 'l')} AND (${country} = ANY(l.countries::text[]) OR (p.id IS NOT NULL
        AND EXISTS (SELECT 1 FROM project_countries pc WHERE pc.project_id = p.id AND pc.country = ${country}))))
    SELECT h.*, (SELECT count(DISTINCT o.project_id) FROM lessons o
        WHERE ${visibleTo(viewer, 'o')} AND o.id <> h.id AND o.project_id IS DISTINCT FROM h.project_id
          AND similarity(o.text, h.text) > ${SIMILAR_LESSON}) AS recurs_in
    FROM here h ORDER BY recurs_in DESC, h.id LIMIT ${limit}`);
}
