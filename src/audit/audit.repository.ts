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
