// Appends to the audit trail: who changed what, in the same transaction as the change itself;
// and reads an organisation's trail with its filters.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { WRITTEN_AUDIT_ACTIONS } from './audit.schema.ts';
import type { AuditedKind } from './read-paths.ts';

export interface AuditEntry {
  action: (typeof WRITTEN_AUDIT_ACTIONS)[number];
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Queryable, viewer: Viewer, entry: AuditEntry): Promise<void> {
  await db.query(sql`INSERT INTO audit_log (user_id, org_id, action, entity_type, entity_id, details)
    VALUES (${viewer.userId}, ${entry.orgId}, ${entry.action}, ${entry.entityType}, ${entry.entityId},
      ${JSON.stringify(entry.details ?? {})}::jsonb)`);
}

export interface AuditRow {
  id: number;
  at: Date;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  orgId: string;
  limit: number;
  /** Entries before this id (the cursor). */
  before?: number;
  actor?: string;
  action?: string[];
  entityType?: string[];
  entityId?: string;
  from?: string;
  to?: string;
}

/** An organisation's audit trail, newest first, filtered. */
export async function listAudit(db: Queryable, f: AuditFilter): Promise<AuditRow[]> {
  const where: Sql[] = [sql`a.org_id = ${f.orgId}`];
  if (f.before !== undefined) where.push(sql`a.id < ${f.before}`);
  if (f.actor) where.push(sql`a.user_id = ${f.actor}`);
  if (f.action?.length) where.push(sql`a.action = ANY(${f.action}::text[])`);
  if (f.entityType?.length) where.push(sql`a.entity_type = ANY(${f.entityType}::text[])`);
  if (f.entityId) where.push(sql`(a.entity_id = ${f.entityId} OR a.details->>'id' = ${f.entityId})`);
  if (f.from) where.push(sql`a.at >= ${f.from}::date`);
  if (f.to) where.push(sql`a.at < ${f.to}::date + 1`);
  return db.query<AuditRow>(sql`SELECT a.id, a.at, a.user_id, u.name AS user_name, u.email AS user_email,
      a.action, a.entity_type, a.entity_id, a.details
    FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE ${sql.and(where)}
    ORDER BY a.id DESC LIMIT ${f.limit + 1}`);
}

/** Organisations' names by id (the directory is public), for entries that name them. */
export async function organisationNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ id: string; name: string }>(
    sql`SELECT id, name FROM organisations WHERE id = ANY(${ids}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Each owned kind's table, and what names one of its records in the trail (SQL on `r`). */
const READ_TABLES: Record<AuditedKind, { table: string; label: string }> = {
  project: { table: 'projects', label: 'r.title' },
  document: { table: 'documents', label: 'coalesce(r.title, r.filename)' },
  review: { table: 'reviews', label: 'r.period_label' },
  evaluation: { table: 'evaluations', label: 'r.title' },
  recommendation: { table: 'recommendations', label: 'left(r.text, 120)' },
  lesson: { table: 'lessons', label: 'left(r.text, 120)' },
  meeting: { table: 'meetings', label: 'r.title' },
  assessment: { table: 'assessments', label: 'r.title' },
};

/** How long one reader's repeated reads of one record by one path count as one. */
const READ_REPEAT_WINDOW = sql`interval '10 minutes'`;

/**
 * A 'read' entry in its owner's trail for each of `ids` that is owner-only or shared and visible
 * to the reader, in one statement; public and network records are never noted, and a reader
 * opening the same record the same way again within the window adds nothing.
 */
export async function recordReads(
  db: Queryable,
  viewer: Viewer & { userId: string },
  read: { kind: AuditedKind; ids: string[]; via: string },
): Promise<void> {
  const { table, label } = READ_TABLES[read.kind];
  await db.query(sql`INSERT INTO audit_log (user_id, org_id, action, entity_type, entity_id, details)
    SELECT ${viewer.userId}, r.owner_org_id, 'read', ${read.kind}, r.id,
      jsonb_build_object('label', ${sql.raw(label)}, 'via', ${read.via}::text)
    FROM ${sql.raw(table)} r
    WHERE r.id = ANY(${read.ids}::uuid[]) AND r.visibility IN ('owner', 'shared') AND ${visibleTo(viewer, 'r')}
      AND NOT EXISTS (SELECT 1 FROM audit_log a
        WHERE a.entity_type = ${read.kind} AND a.entity_id = r.id AND a.action = 'read'
          AND a.user_id = ${viewer.userId} AND a.details->>'via' = ${read.via}::text
          AND a.at > now() - ${READ_REPEAT_WINDOW})`);
}

/** What happened at a sign-in, as the trail names it. */
export type SignInOutcome = 'login' | 'login_failed' | 'lockout';

/**
 * A sign-in entry for each organisation the account's user belongs to, found by e-mail in the
 * same statement: an address with no account matches no row, so the trail never says whether an
 * unknown address exists, and both take the same one statement. A failure has no actor (whoever
 * tried is not known to be the user); the account is the record.
 */
export async function recordSignIn(
  db: Queryable,
  account: string,
  entry: { outcome: SignInOutcome; ip: string | null; reason?: string },
): Promise<void> {
  await db.query(sql`INSERT INTO audit_log (user_id, org_id, action, entity_type, entity_id, details)
    SELECT CASE WHEN ${entry.outcome}::text = 'login' THEN u.id END, m.org_id, ${entry.outcome}, 'user', u.id,
      jsonb_strip_nulls(jsonb_build_object('label', coalesce(u.name, u.email), 'email', u.email,
        'ip', ${entry.ip}::text, 'reason', ${entry.reason ?? null}::text))
    FROM users u JOIN memberships m ON m.user_id = u.id
    WHERE lower(u.email) = lower(${account})`);
}
