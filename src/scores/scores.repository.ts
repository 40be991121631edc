// SQL of scores: a project's reviews in period order, and the portfolio's marks counted per group.
// Every read passes the one access filter on the review and on its project.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { ScaleName } from '../reference/scales.ts';

export interface ReviewScoresRow {
  id: string;
  kind: string;
  period_label: string | null;
  period_start: string | null;
  period_end: string | null;
  scale: ScaleName;
  overall_score: string | null;
  outcome_score: string | null;
  output_scores: { number?: number | null; title?: string | null; score: string }[];
  risk_rating: string | null;
}

export type PortfolioDimension = 'donor' | 'country' | 'theme' | 'year';
export type ScoreKind = 'programme' | 'outcome' | 'output';

export interface MarkCountRow {
  key: string | null;
  label: string | null;
  scale: ScaleName;
  mark: string;
  count: number;
}

// Which column holds the score of each kind: outputs are one row per output score.
const MARKS: Record<ScoreKind, Sql> = {
  programme: sql`SELECT r.overall_score AS mark WHERE r.overall_score IS NOT NULL`,
  outcome: sql`SELECT r.outcome_score AS mark WHERE r.outcome_score IS NOT NULL`,
  output: sql`SELECT o->>'score' AS mark FROM jsonb_array_elements(r.output_scores) o`,
};

// What each dimension groups by; a review counts once under each of its project's countries,
// themes and funders.
const GROUPS: Record<PortfolioDimension, Sql> = {
  donor: sql`SELECT o.id::text AS key, o.name AS label FROM project_participants pp
    JOIN organisations o ON o.id = pp.org_id WHERE pp.project_id = p.id AND pp.role = 'funder'`,
  country: sql`SELECT pc.country::text AS key, NULL::text AS label FROM project_countries pc WHERE pc.project_id = p.id`,
  theme: sql`SELECT pt.theme AS key, NULL::text AS label FROM project_themes pt WHERE pt.project_id = p.id`,
  year: sql`SELECT extract(year FROM COALESCE(r.period_end, r.period_start))::int::text AS key, NULL::text AS label`,
};

export const scoresRepository = {
  async isProjectVisible(db: Queryable, viewer: Viewer, projectId: string): Promise<boolean> {
    const rows = await db.query(
      sql`SELECT 1 FROM projects p WHERE p.id = ${projectId} AND ${visibleTo(viewer, 'p')}`,
    );
    return rows.length > 0;
  },

  /** The project's reviews the viewer may see, oldest period first. */
  reviewsOf(db: Queryable, viewer: Viewer, projectId: string): Promise<ReviewScoresRow[]> {
    return db.query<ReviewScoresRow>(sql`SELECT r.id, r.kind, r.period_label, r.period_start, r.period_end,
        r.scale, r.overall_score, r.outcome_score, r.output_scores, r.risk_rating
      FROM reviews r
      WHERE r.project_id = ${projectId} AND ${visibleTo(viewer, 'r')}
      ORDER BY COALESCE(r.period_start, r.period_end), r.period_label, r.created_at, r.id`);
  },

  /** Marks counted per group and scale over the reviews (and projects) the viewer may see. */
  countMarks(
    db: Queryable,
    viewer: Viewer,
    q: { by: PortfolioDimension; kind: ScoreKind; scale?: ScaleName; mark?: string },
  ): Promise<MarkCountRow[]> {
    const conditions = [visibleTo(viewer, 'r'), visibleTo(viewer, 'p')];
    if (q.scale) conditions.push(sql`r.scale = ${q.scale}`);
    if (q.mark) conditions.push(sql`m.mark = ${q.mark}`);
    return db.query<MarkCountRow>(sql`SELECT g.key, g.label, r.scale, m.mark, count(*)::int AS count
      FROM reviews r
      JOIN projects p ON p.id = r.project_id
      CROSS JOIN LATERAL (${MARKS[q.kind]}) m
      CROSS JOIN LATERAL (${GROUPS[q.by]}) g
      WHERE ${sql.and(conditions)}
      GROUP BY g.key, g.label, r.scale, m.mark
      ORDER BY g.key NULLS LAST, r.scale, m.mark`);
  },
};
