// Appends to the audit trail: who changed what, in the same transaction as the change itself.
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'confirm' | 'import' | 'login';
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
  user_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Record<string, unknown>;
}

/** An organisation's audit trail, newest first, before the entry with id `before`. */
export async function listAudit(
  db: Queryable,
  orgId: string,
  limit: number,
  before?: number,
): Promise<AuditRow[]> {
  const page = before ? sql`AND a.id < ${before}` : sql.empty;
  return db.query<AuditRow>(sql`SELECT a.id, a.at, u.email AS user_email, a.action, a.entity_type, a.entity_id, a.details
    FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE a.org_id = ${orgId} ${page}
    ORDER BY a.id DESC LIMIT ${limit + 1}`);
}
