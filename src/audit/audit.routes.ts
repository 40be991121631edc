// The audit trail of an organisation, for its administrators: filtered, as JSON or CSV.
import { assertRoleIn } from '../access/permissions.ts';
import type { RoutePlugin } from '../server/context.ts';
import { sendCsv } from '../server/csv-reply.ts';
import { errors } from '../server/errors.ts';
import { AuditQuery } from './audit.schema.ts';
import { auditCsv, auditService } from './audit.service.ts';

export const auditRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('', {
    schema: {
      tags: ['audit'],
      summary:
        'Who read, changed, shared, exported and deleted what in an organisation (administrators only); ?format=csv for a file',
      querystring: AuditQuery,
      // No response schema: the same route also sends CSV. The JSON shape is AuditPage.
    },
    handler: async (req, reply) => {
      const q = req.query;
      assertRoleIn(req.viewer, q.org_id, 'admin');
      const before = q.cursor ? Number(q.cursor) : undefined;
      if (before !== undefined && !Number.isInteger(before))
        throw errors.invalidField('cursor', 'is not a cursor this API gave out');
      const page = await auditService.list(ctx.db, {
        orgId: q.org_id,
        limit: q.limit,
        before,
        actor: q.actor,
        action: q.action,
        entityType: q.record_type,
        entityId: q.record_id,
        from: q.from,
        to: q.to,
      });
      if (q.format === 'csv') {
        await auditService.exported(ctx.db, req.viewer, 'audit_csv', req.query, q.org_id);
        return sendCsv(reply, 'audit.csv', auditCsv(page.items));
      }
      return page;
    },
  });
};
