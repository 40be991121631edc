// SQL of a recommendation's follow-up: the key actions read for a change (with the organisation
// responsible for each), progress updates, implementation ratings, the register's counts and the
// implementation rate. Every read of a recommendation or project passes the one access filter.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import {
  type Filters,
  isOverdue,
  recommendationsTable,
  responsibleOrg,
} from './recommendations.repository.ts';

export interface KeyAction {
  text: string;
  owner?: string | null;
  due_on?: string | null;
  status: string;
  completed_on?: string | null;
}

export interface FollowUpRow {
  id: string;
  owner_org_id: string;
  status: string;
  issued_on: string | null;
  key_actions: KeyAction[];
  /** The organisation responsible for each key action, in order. */
  responsible: string[];
}

export interface ProgressRow {
  recommendationId: string;
  actionIndex: number;
  reportedOn: string;
  fromStatus: string;
  status: string;
  comment: string;
  evidenceUrl: string | null;
  evidenceDocumentId: string | null;
  orgId: string;
  userId: string | null;
  via: 'api' | 'signed_link';
}

export interface RegisterCountsRow {
  total: number;
  overdue: number;
  open: number;
  in_progress: number;
  closed: number;
  ratings_disagree: number;
}

type RegisterQuery = Filters & { project_id?: string; owner_org_id?: string };

function registerConditions(viewer: Viewer, q: RegisterQuery): Sql[] {
  const conditions = [visibleTo(viewer, 'r'), ...recommendationsTable.filters(q, viewer)];
  if (q.project_id) conditions.push(sql`r.project_id = ${q.project_id}`);
  if (q.owner_org_id) conditions.push(sql`r.owner_org_id = ${q.owner_org_id}`);
  return conditions;
}

const latest = (kind: string) => sql`(SELECT x.rating FROM recommendation_ratings x
  WHERE x.recommendation_id = r.id AND x.kind = ${kind} ORDER BY x.id DESC LIMIT 1)`;

export const followUpRepository = {
  /** The recommendation as the viewer sees it, locked for a change. */
  async forChange(tx: Queryable, viewer: Viewer, id: string): Promise<FollowUpRow | undefined> {
    const rows =
      await tx.query<FollowUpRow>(sql`SELECT r.id, r.owner_org_id, r.status, r.issued_on, r.key_actions,
        ARRAY(SELECT ${responsibleOrg('ka.a', 'r')} FROM jsonb_array_elements(r.key_actions) WITH ORDINALITY ka(a, i)
          ORDER BY ka.i)::text[] AS responsible
      FROM recommendations r WHERE r.id = ${id} AND ${visibleTo(viewer, 'r')} FOR UPDATE`);
    return rows[0];
  },

  async saveKeyActions(tx: Queryable, id: string, keyActions: KeyAction[]) {
    await tx.query(sql`UPDATE recommendations SET key_actions = ${JSON.stringify(keyActions)}::jsonb,
      version = version + 1, updated_at = now() WHERE id = ${id}`);
  },

  async addProgress(tx: Queryable, p: ProgressRow) {
    await tx.query(sql`INSERT INTO key_action_progress (recommendation_id, action_index, reported_on, from_status,
        status, comment, evidence_url, evidence_document_id, org_id, user_id, via)
      VALUES (${p.recommendationId}, ${p.actionIndex}, ${p.reportedOn}::date, ${p.fromStatus}, ${p.status},
        ${p.comment}, ${p.evidenceUrl}, ${p.evidenceDocumentId}, ${p.orgId}, ${p.userId}, ${p.via})`);
  },

  async addRating(
    tx: Queryable,
    r: {
      recommendationId: string;
      kind: string;
      rating: string;
      comment: string | null;
      orgId: string;
      userId: string | null;
    },
  ) {
    await tx.query(sql`INSERT INTO recommendation_ratings (recommendation_id, kind, rating, comment, org_id, user_id)
      VALUES (${r.recommendationId}, ${r.kind}, ${r.rating}, ${r.comment}, ${r.orgId}, ${r.userId})`);
    await tx.query(sql`UPDATE recommendations SET updated_at = now() WHERE id = ${r.recommendationId}`);
  },

  async counts(db: Queryable, viewer: Viewer, q: RegisterQuery) {
    const rows = await db.query<RegisterCountsRow>(sql`SELECT count(*)::int AS total,
        count(*) FILTER (WHERE ${isOverdue})::int AS overdue,
        count(*) FILTER (WHERE r.status = 'open')::int AS open,
        count(*) FILTER (WHERE r.status = 'in_progress')::int AS in_progress,
        count(*) FILTER (WHERE r.status = 'closed')::int AS closed,
        count(*) FILTER (WHERE s.self NOT IN ('not_rated') AND s.validation NOT IN ('not_rated')
          AND s.self <> s.validation)::int AS ratings_disagree
      FROM recommendations r CROSS JOIN LATERAL (SELECT ${latest('self')} AS self, ${latest('validation')} AS validation) s
      WHERE ${sql.and(registerConditions(viewer, q))}`);
    return rows[0]!;
  },

  /** Per group: recommendations not rejected, those with every key action completed, those validated. */
  async implementationRate(db: Queryable, viewer: Viewer, q: RegisterQuery & { by: string }) {
    const group =
      q.by === 'organisation'
        ? sql`SELECT r.owner_org_id::text AS key, (SELECT name FROM organisations WHERE id = r.owner_org_id) AS label`
        : q.by === 'year'
          ? sql`SELECT extract(year FROM COALESCE(r.issued_on, r.created_at))::int::text AS key, NULL::text AS label`
          : sql`SELECT pt.theme AS key, (SELECT label_en FROM themes WHERE slug = pt.theme) AS label`;
    const themeJoin =
      q.by === 'theme'
        ? sql`LEFT JOIN LATERAL (SELECT t.theme FROM projects tp JOIN project_themes t ON t.project_id = tp.id
            WHERE tp.id = r.project_id AND ${visibleTo(viewer, 'tp')}) pt ON TRUE`
        : sql.empty;
    return db.query<{
      key: string | null;
      label: string | null;
      recommendations: number;
      implemented: number;
      validated: number;
    }>(
      sql`SELECT key, label, count(*)::int AS recommendations,
          count(*) FILTER (WHERE implemented)::int AS implemented, count(*) FILTER (WHERE validated)::int AS validated
        FROM (${group}, jsonb_array_length(r.key_actions) > 0 AND NOT EXISTS (
              SELECT 1 FROM jsonb_array_elements(r.key_actions) ka WHERE ka->>'status' IS DISTINCT FROM 'completed') AS implemented,
            COALESCE(${latest('validation')} <> 'not_rated', false) AS validated
          FROM recommendations r ${themeJoin}
          WHERE ${sql.and([...registerConditions(viewer, q), sql`r.management_response IS DISTINCT FROM 'rejected'`])}) g
        GROUP BY key, label ORDER BY key NULLS LAST`,
    );
  },
};
