// The audit trail of an organisation, for its administrators.
import { z } from 'zod';
import { assertRoleIn } from '../access/permissions.ts';
import type { RoutePlugin } from '../server/context.ts';
import { errors } from '../server/errors.ts';
import { ErrorResponse, Id } from '../server/schemas.ts';
import { listAudit } from './audit.repository.ts';
import { AuditPage } from './audit.schema.ts';

export const auditRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('', {
    schema: {
      tags: ['audit'],
      summary: 'Who changed what in an organisation (administrators only)',
      querystring: z.object({
        org_id: Id,
        limit: z.coerce.number().int().min(1).max(500).default(100),
        cursor: z.string().optional(),
      }),
      response: {
        200: AuditPage,
        403: ErrorResponse,
      },
    },
    handler: async (req) => {
      assertRoleIn(req.viewer, req.query.org_id, 'admin');
      const before = req.query.cursor ? Number(req.query.cursor) : undefined;
      if (before !== undefined && !Number.isInteger(before))
        throw errors.invalidField('cursor', 'is not a cursor this API gave out');
      const rows = await listAudit(ctx.db, req.query.org_id, req.query.limit, before);
      const items = rows.slice(0, req.query.limit);
      return {
        items,
        next_cursor: rows.length > req.query.limit ? String(items[items.length - 1]!.id) : null,
      };
    },
  });
};
