// Appends to the audit trail: who changed what, in the same transaction as the change itself;
// and reads an organisation's trail with its filters.
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';

export interface AuditEntry {
  action:
    | 'create'
    | 'update'
    | 'delete'
    | 'restore'
    | 'purge'
    | 'confirm'
    | 'import'
    | 'login'
    | 'read'
    | 'export'
    | 'merge'
    | 'unmerge';
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
