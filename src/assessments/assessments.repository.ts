// The only place with assessment SQL. Every read goes through the one access filter, and so does
// the name of an assessed project: a shared assessment never names a project its reader may not see.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export interface AssessmentRow {
  id: string;
  owner_org_id: string;
  owner_name: string;
  visibility: 'public' | 'network' | 'shared' | 'owner';
  shared_with: string[];
  embargo_until: Date | string | null;
  instrument_id: string;
  instrument_key: string;
  instrument_version: number;
  subject_type: 'project' | 'organisation' | 'country';
  subject_id: string | null;
  subject_name: string | null;
  title: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ScoreRow {
  assessment_id: string;
  agreed: boolean;
  assessor_id: string | null;
  assessor_name: string | null;
  question_id: string;
  value: string;
  evidence_text: string | null;
  evidence_links: Record<string, string>[];
}

export interface ScoreWrite {
  question: string;
  value: string;
  evidence?: { text?: string | undefined; links: Record<string, string>[] } | undefined;
}

function selectVisible(viewer: Viewer) {
  return sql`SELECT a.id, a.owner_org_id, o.name AS owner_name, a.visibility, a.shared_with, a.embargo_until,
      a.instrument_id,
      i.key AS instrument_key, a.instrument_version, a.subject_type, a.title, a.version, a.created_at, a.updated_at,
      CASE a.subject_type WHEN 'project' THEN p.id::text WHEN 'organisation' THEN a.organisation_id::text
        ELSE a.country END AS subject_id,
      CASE a.subject_type WHEN 'project' THEN p.title WHEN 'organisation' THEN so.name ELSE c.name_en END AS subject_name
    FROM assessments a
    JOIN organisations o ON o.id = a.owner_org_id
    JOIN instruments i ON i.id = a.instrument_id
    LEFT JOIN projects p ON p.id = a.project_id AND ${visibleTo(viewer, 'p')}
    LEFT JOIN organisations so ON so.id = a.organisation_id
    LEFT JOIN countries c ON c.code = a.country
    WHERE ${visibleTo(viewer, 'a')}`;
}

export const assessmentsRepository = {
  async findVisible(db: Queryable, viewer: Viewer, id: string): Promise<AssessmentRow | undefined> {
    const rows = await db.query<AssessmentRow>(sql`${selectVisible(viewer)} AND a.id = ${id}`);
    return rows[0];
  },

  async findManyVisible(db: Queryable, viewer: Viewer, ids: string[]): Promise<AssessmentRow[]> {
    return db.query<AssessmentRow>(sql`${selectVisible(viewer)} AND a.id = ANY(${ids}::uuid[])`);
  },

  async listVisible(
    db: Queryable,
    viewer: Viewer,
    q: { instrument?: string | undefined; project_id?: string | undefined; limit: number },
  ) {
    const conditions = [
      ...(q.instrument ? [sql`i.key = ${q.instrument}`] : []),
      ...(q.project_id ? [sql`a.project_id = ${q.project_id}`] : []),
    ];
    return db.query<AssessmentRow>(sql`${selectVisible(viewer)} AND ${sql.and(conditions)}
      ORDER BY a.updated_at DESC, a.id LIMIT ${q.limit}`);
  },

  async insert(
    db: Queryable,
    a: {
      ownerOrgId: string;
      visibility: string;
      sharedWith: string[];
      embargoUntil: string | null;
      instrumentId: string;
      instrumentVersion: number;
      subjectType: string;
      projectId: string | null;
      organisationId: string | null;
      country: string | null;
      title: string | null;
      userId: string | null;
    },
  ): Promise<string> {
    const rows = await db.query<{
      id: string;
    }>(sql`INSERT INTO assessments (owner_org_id, visibility, shared_with, embargo_until,
        instrument_id, instrument_version, subject_type, project_id, organisation_id, country, title, created_by)
      VALUES (${a.ownerOrgId}, ${a.visibility}, ${a.sharedWith}::uuid[], ${a.embargoUntil}::date, ${a.instrumentId}, ${a.instrumentVersion}, ${a.subjectType},
        ${a.projectId}, ${a.organisationId}, ${a.country}, ${a.title}, ${a.userId}) RETURNING id`);
    return rows[0]!.id;
  },

  /** Title and sharing, if `version` is still the stored one; false when another write came first. */
  async update(
    db: Queryable,
    id: string,
    version: number,
    a: { title: string | undefined; visibility: string; sharedWith: string[]; embargoUntil: string | null },
  ): Promise<boolean> {
    const rows = await db.query(sql`UPDATE assessments SET title = coalesce(${a.title ?? null}, title),
        visibility = ${a.visibility}, shared_with = ${a.sharedWith}::uuid[], embargo_until = ${a.embargoUntil}::date,
        version = version + 1, updated_at = now()
      WHERE id = ${id} AND version = ${version} RETURNING id`);
    return rows.length === 1;
  },

  /** Scores of assessments the caller has already read through the access filter. */
  async scoresOf(db: Queryable, assessmentIds: string[]): Promise<ScoreRow[]> {
    return db.query<ScoreRow>(sql`SELECT s.assessment_id, s.agreed, s.assessor_id, u.name AS assessor_name,
        s.question_id, s.value, s.evidence_text, s.evidence_links
      FROM assessment_scores s LEFT JOIN users u ON u.id = s.assessor_id
      WHERE s.assessment_id = ANY(${assessmentIds}::uuid[]) ORDER BY s.agreed, u.name, s.assessor_id`);
  },

  /** Replaces one sheet: an assessor's (assessorId) or the agreed one (null). */
  async replaceSheet(db: Queryable, assessmentId: string, assessorId: string | null, scores: ScoreWrite[]) {
    await db.query(sql`DELETE FROM assessment_scores WHERE assessment_id = ${assessmentId}
      AND ${assessorId ? sql`assessor_id = ${assessorId}` : sql`agreed`}`);
    if (scores.length)
      await db.query(sql`INSERT INTO assessment_scores (assessment_id, agreed, assessor_id, question_id, value,
          evidence_text, evidence_links)
        SELECT ${assessmentId}, ${assessorId === null}, ${assessorId}::uuid, q, v, t, l::jsonb
        FROM unnest(${scores.map((s) => s.question)}::text[], ${scores.map((s) => s.value)}::text[],
          ${scores.map((s) => s.evidence?.text ?? null)}::text[],
          ${scores.map((s) => JSON.stringify(s.evidence?.links ?? []))}::text[]) AS x(q, v, t, l)`);
    await db.query(
      sql`UPDATE assessments SET version = version + 1, updated_at = now() WHERE id = ${assessmentId}`,
    );
  },

  /** What Tacit knows about monitoring a project, counted over what the viewer may see. */
  async monitoringOf(db: Queryable, viewer: Viewer, projectId: string) {
    const rows = await db.query<{ reviews: number; evaluations: number; low_scores: string[] }>(sql`SELECT
      (SELECT count(*) FROM reviews r WHERE r.project_id = ${projectId} AND ${visibleTo(viewer, 'r')}) AS reviews,
      (SELECT count(*) FROM evaluations e WHERE e.project_id = ${projectId} AND ${visibleTo(viewer, 'e')}) AS evaluations,
      (SELECT coalesce(array_agg(r.overall_score ORDER BY r.period_end), '{}') FROM reviews r
        WHERE r.project_id = ${projectId} AND ${visibleTo(viewer, 'r')} AND r.overall_score ~ '^(B|C)') AS low_scores`);
    return rows[0]!;
  },

  async civilSocietyPartnersOf(db: Queryable, orgIds: string[]) {
    return db.query<{ id: string; name: string }>(sql`SELECT id, name FROM organisations
      WHERE id = ANY(${orgIds}::uuid[]) AND type = 'ngo' ORDER BY name`);
  },
};
