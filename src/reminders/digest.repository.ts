// SQL of digests: an organisation's key actions due soon or overdue, its stale records, who
// receives its digest, and the record of each digest sent. Every read of a record passes the one
// access filter as the responsible organisation sees it.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { responsibleOrg } from '../recommendations/recommendations.repository.ts';

export interface DigestActionRow {
  recommendation_id: string;
  action_index: number;
  text: string;
  owner: string | null;
  due_on: string;
  status: string;
  recommendation_text: string;
  project_id: string | null;
  project_title: string | null;
}

export interface StaleRow {
  kind: 'project' | 'recommendation';
  id: string;
  title: string;
  updated_at: string;
}

export interface RecipientRow {
  user_id: string;
  email: string;
  name: string | null;
}

// The organisation responsible for each key action (`ka.a`) of a recommendation (`r`).
const RESPONSIBLE = responsibleOrg('ka.a', 'r');

export const digestRepository = {
  /** Open key actions the organisation is responsible for, due on or before `until`. */
  actionsDueBy(db: Queryable, org: Viewer, orgId: string, until: string): Promise<DigestActionRow[]> {
    return db.query<DigestActionRow>(sql`SELECT r.id AS recommendation_id, (ka.i - 1)::int AS action_index,
        ka.a->>'text' AS text, ka.a->>'owner' AS owner, ka.a->>'due_on' AS due_on, ka.a->>'status' AS status,
        r.text AS recommendation_text, p.id AS project_id, p.title AS project_title
      FROM recommendations r
      CROSS JOIN LATERAL jsonb_array_elements(r.key_actions) WITH ORDINALITY ka(a, i)
      LEFT JOIN projects p ON p.id = r.project_id AND ${visibleTo(org, 'p')}
      WHERE ${visibleTo(org, 'r')} AND r.status <> 'closed'
        AND ka.a->>'status' IN ('not_started', 'in_progress')
        AND (ka.a->>'due_on')::date <= ${until}::date
        AND ${RESPONSIBLE} = ${orgId}
      ORDER BY (ka.a->>'due_on')::date, r.id, ka.i`);
  },

  /** The organisation's open projects and recommendations last changed before `before`. */
  staleRecords(db: Queryable, org: Viewer, orgId: string, before: string): Promise<StaleRow[]> {
    return db.query<StaleRow>(sql`SELECT * FROM (
        SELECT 'project' AS kind, p.id, p.title, p.updated_at::date::text AS updated_at FROM projects p
        WHERE p.owner_org_id = ${orgId} AND ${visibleTo(org, 'p')}
          AND p.status NOT IN ('closed', 'cancelled') AND p.updated_at < ${before}::date
        UNION ALL
        SELECT 'recommendation', r.id, left(r.text, 200), r.updated_at::date::text FROM recommendations r
        WHERE r.owner_org_id = ${orgId} AND ${visibleTo(org, 'r')}
          AND r.status <> 'closed' AND r.updated_at < ${before}::date
      ) s ORDER BY updated_at, kind, id LIMIT 100`);
  },

  /** Organisations with at least one member who may receive a digest. */
  async organisationsWithRecipients(db: Queryable): Promise<{ id: string; name: string }[]> {
    return db.query(sql`SELECT o.id, o.name FROM organisations o
      WHERE EXISTS (SELECT 1 FROM memberships m LEFT JOIN digest_preferences d ON d.user_id = m.user_id
        WHERE m.org_id = o.id AND m.role IN ('admin', 'editor') AND COALESCE(d.digest_enabled, true))
      ORDER BY o.name`);
  },

  /** Administrators and editors of the organisation who have not turned digests off. */
  recipients(db: Queryable, orgId: string): Promise<RecipientRow[]> {
    return db.query<RecipientRow>(sql`SELECT u.id AS user_id, u.email, u.name FROM memberships m
      JOIN users u ON u.id = m.user_id LEFT JOIN digest_preferences d ON d.user_id = u.id
      WHERE m.org_id = ${orgId} AND m.role IN ('admin', 'editor') AND COALESCE(d.digest_enabled, true)
      ORDER BY u.email`);
  },

  /** Claims one digest e-mail: false when it was claimed (or sent) before. */
  async claimDelivery(
    db: Queryable,
    d: { orgId: string; userId: string; day: string; email: string; at: Date },
  ) {
    const rows =
      await db.query(sql`INSERT INTO digest_deliveries (org_id, user_id, digest_date, email, status, created_at)
      VALUES (${d.orgId}, ${d.userId}, ${d.day}::date, ${d.email}, 'sending', ${d.at.toISOString()}::timestamptz)
      ON CONFLICT (org_id, user_id, digest_date) DO NOTHING RETURNING id`);
    return rows.length > 0;
  },

  async finishDelivery(
    db: Queryable,
    d: { orgId: string; userId: string; day: string; at: Date; summary: unknown; error: string | null },
  ) {
    await db.query(sql`UPDATE digest_deliveries SET status = ${d.error ? 'failed' : 'sent'},
        sent_at = ${d.error ? null : d.at.toISOString()}::timestamptz, error = ${d.error},
        summary = ${JSON.stringify(d.summary)}::jsonb
      WHERE org_id = ${d.orgId} AND user_id = ${d.userId} AND digest_date = ${d.day}::date`);
  },

  deliveries(db: Queryable, orgId: string, limit: number) {
    return db.query<{
      digest_date: string;
      email: string;
      status: string;
      summary: unknown;
      sent_at: string | null;
    }>(
      sql`SELECT digest_date, email, status, summary, sent_at::text AS sent_at FROM digest_deliveries
        WHERE org_id = ${orgId} ORDER BY digest_date DESC, email LIMIT ${limit}`,
    );
  },

  async digestEnabled(db: Queryable, userId: string): Promise<boolean> {
    const rows = await db.query<{ digest_enabled: boolean }>(
      sql`SELECT digest_enabled FROM digest_preferences WHERE user_id = ${userId}`,
    );
    return rows[0]?.digest_enabled ?? true;
  },

  async setDigestEnabled(db: Queryable, userId: string, enabled: boolean) {
    await db.query(sql`INSERT INTO digest_preferences (user_id, digest_enabled) VALUES (${userId}, ${enabled})
      ON CONFLICT (user_id) DO UPDATE SET digest_enabled = EXCLUDED.digest_enabled, updated_at = now()`);
  },
};

/** Organisations are a public directory: their names need no filter. */
export async function organisationName(db: Queryable, orgId: string): Promise<string | undefined> {
  const rows = await db.query<{ name: string }>(sql`SELECT name FROM organisations WHERE id = ${orgId}`);
  return rows[0]?.name;
}
