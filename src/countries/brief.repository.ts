// SQL for the parts of a country brief that are not analytics: open recommendations and the
// lessons learned there, each read through the access filter, and a project's country counted
// only when the project itself may be seen.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { openKeyAction } from '../recommendations/recommendations.repository.ts';
import { storedRegionKeys } from './regions.ts';

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
  // Candidates through indexes (the recommendation's own country, its project's, or the region of
  // a regional project that holds the country), then the rules: reading every recommendation took
  // seconds at 100,000 projects. The ways never find the same recommendation, and each reads it
  // whole: joined back to recommendations by id, the planner read the whole table to match 2,400
  // candidates.
  const held = storedRegionKeys([country]);
  return db.query<OpenRecommendationRow>(sql`
    WITH candidate AS (
      SELECT r.* FROM recommendations r WHERE r.country = ${country}
      UNION ALL
      SELECT r.* FROM project_countries pc JOIN recommendations r ON r.project_id = pc.project_id
      WHERE pc.country = ${country} AND r.country IS NULL
      UNION ALL
      SELECT r.* FROM recommendations r
      WHERE r.country IS NULL AND r.project_id IN (SELECT pr.project_id FROM project_regions pr
          WHERE pr.name = ANY(${held.names}::text[]) OR pr.code = ANY(${held.codes}::text[]))
        AND NOT EXISTS (SELECT 1 FROM project_countries pc WHERE pc.project_id = r.project_id AND pc.country = ${country}))
    SELECT r.id, r.text, r.status, r.category, r.management_response, p.id AS project_id, p.title AS project_title,
      (SELECT min((k->>'due_on')) FROM jsonb_array_elements(r.key_actions) k WHERE ${openKeyAction('k')}) AS next_due
    FROM candidate r
    LEFT JOIN projects p ON p.id = r.project_id AND ${visibleTo(viewer, 'p')}
    WHERE ${visibleTo(viewer, 'r')} AND r.status <> 'closed' AND (r.country = ${country} OR p.id IS NOT NULL)
    ORDER BY next_due NULLS LAST, r.seq LIMIT ${limit}`);
}

export interface LessonRow {
  id: string;
  text: string;
  type: string;
  themes: string[];
  project_id: string | null;
  project_title: string | null;
  /**
   * Other projects with a similar lesson, anywhere: lessons sharing a band of its signature
   * (migration 051) that have the very same signature or pass trigram similarity.
   */
  recurs_in: number;
}

const SIMILAR_LESSON = 0.3;

export async function countryLessons(db: Queryable, viewer: Viewer, country: string, limit: number) {
  // Candidates as for recommendations (the two ways made disjoint). Recurrence is worked out once
  // per distinct signature, not per lesson: a lesson recorded by 200 projects would otherwise be
  // compared with the other 199 once for each of them. Lessons with the same signature say the
  // same thing, so one text stands for all of them in the similarity check.
  return db.query<LessonRow>(sql`
    WITH candidate AS (
      SELECT l.* FROM lessons l WHERE l.countries @> ARRAY[${country}]::char(2)[]
      UNION ALL
      SELECT l.* FROM project_countries pc JOIN lessons l ON l.project_id = pc.project_id
      WHERE pc.country = ${country} AND NOT l.countries @> ARRAY[${country}]::char(2)[]),
    here AS (
      SELECT l.id, l.text, l.signature, l.type, l.themes, l.project_id, p.title AS project_title
      FROM candidate l
      LEFT JOIN projects p ON p.id = l.project_id AND ${visibleTo(viewer, 'p')}
      WHERE ${visibleTo(viewer, 'l')} AND (${country} = ANY(l.countries::text[]) OR p.id IS NOT NULL)),
    signature AS (SELECT signature, min(text) AS text FROM here WHERE signature IS NOT NULL GROUP BY signature),
    -- The distinct signatures that say the same (migration 060): the very same, or sharing a band
    -- with a similar text. A signature's kept text only decides this; it is never returned, and
    -- only the lessons the viewer may see are counted.
    alike AS (
      SELECT s.signature, o.signature AS other
      FROM signature s JOIN lesson_signatures o ON o.signature && s.signature
      WHERE o.signature = s.signature OR similarity(o.text, s.text) > ${SIMILAR_LESSON}),
    -- Projects with a lesson the viewer may see that says the same: each lesson here counts among
    -- them, so its own project is taken off below.
    learnt AS (
      SELECT s.signature, (SELECT count(DISTINCT o.project_id) FROM lessons o
          WHERE o.signature IN (SELECT m.other FROM alike m WHERE m.signature = s.signature)
            AND o.project_id IS NOT NULL AND ${visibleTo(viewer, 'o')}) AS projects
      FROM signature s)
    SELECT h.id, h.text, h.type, h.themes, h.project_id, h.project_title,
      greatest(coalesce(n.projects, 0) - CASE WHEN h.project_id IS NULL THEN 0 ELSE 1 END, 0) AS recurs_in
    FROM here h LEFT JOIN learnt n ON n.signature = h.signature
    ORDER BY recurs_in DESC, h.id LIMIT ${limit}`);
}
