// Deleted records: their organisation's editors and administrators list them and restore one
// within the restore window.
import { assertCanWrite } from '../access/permissions.ts';
import { isSignedIn } from '../access/viewer.ts';
import { systemClock } from '../reminders/clock.ts';
import type { RoutePlugin } from '../server/context.ts';
import { errors } from '../server/errors.ts';
import { ErrorResponse } from '../server/schemas.ts';
import { Restored, TrashPage, TrashParams, TrashQuery } from './trash.schema.ts';
import { trashService } from './trash.service.ts';

export const trashRoutes: RoutePlugin = (ctx) => async (app) => {
  const tags = ['trash'];
  app.get('', {
    schema: {
      tags,
      summary: 'Deleted records your organisations can still restore (editors and administrators)',
      querystring: TrashQuery,
      response: { 200: TrashPage, 401: ErrorResponse, 403: ErrorResponse },
    },
    handler: (req) => {
      if (!isSignedIn(req.viewer)) throw errors.unauthorized();
      return trashService.list(ctx.db, req.viewer, req.query);
    },
  });
  app.post('/:type/:id/restore', {
    schema: {
      tags,
      summary: 'Restore a deleted record as it was (a project with what its deletion took)',
      params: TrashParams,
      response: { 200: Restored, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    },
    handler: (req) => {
      assertCanWrite(req.viewer);
      const now = (ctx.clock ?? systemClock).now();
      return trashService.restore(ctx.db, req.viewer, req.params.type, req.params.id, now);
    },
  });
};
