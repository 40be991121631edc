// An organisation's audit trail: its filters and the shape of an entry.
import { z } from 'zod';
import { csv, Id, IsoDate } from '../server/schemas.ts';

/** Every kind of entry the code writes (audit-coverage.test.ts causes each one). */
export const WRITTEN_AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'purge',
  'confirm',
  'import',
  'read',
  'export',
  'share',
  'merge',
  'unmerge',
  'login',
  'login_failed',
  'lockout',
] as const;

/** What the trail can be filtered by: the kinds written today, and those of older entries. */
export const AUDIT_ACTIONS = [...WRITTEN_AUDIT_ACTIONS, 'created', 'updated', 'deny'] as const;

export const AuditQuery = z.object({
  org_id: Id,
  actor: Id.optional().describe('Only entries by this user'),
  action: csv(z.enum(AUDIT_ACTIONS)).optional(),
  record_type: csv(z.string().trim().min(1).max(40)).optional().describe('e.g. project, review, membership'),
  record_id: Id.optional().describe('Only entries about this record'),
  from: IsoDate.optional().describe('On or after this day'),
  to: IsoDate.optional().describe('On or before this day'),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  cursor: z.string().optional(),
});

export const AuditEntry = z.object({
  id: z.number(),
  at: z.date(),
  actor: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  user_email: z.string().nullable(),
  action: z.string(),
  entity_type: z.string(),
  entity_id: z.string().nullable(),
  record: z
    .object({ type: z.string(), id: z.string(), label: z.string().nullable(), link: z.string().nullable() })
    .nullable()
    .describe('The record, by its name, with the web app page that shows it (none once deleted)'),
  details: z.record(z.string(), z.unknown()).describe('changes: { field: { before, after } } for an update'),
});

export const AuditPage = z.object({ items: z.array(AuditEntry), next_cursor: z.string().nullable() });
