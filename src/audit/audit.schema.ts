// Response shape of an organisation's audit trail.
import { z } from 'zod';

export const AuditEntry = z.object({
  id: z.number(),
  at: z.date(),
  user_email: z.string().nullable(),
  action: z.string(),
  entity_type: z.string(),
  entity_id: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const AuditPage = z.object({ items: z.array(AuditEntry), next_cursor: z.string().nullable() });
