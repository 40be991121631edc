// DELETE /:id?version=n, the same for every resource that deletes by id: the service decides (a
// soft delete, restorable for 30 days: src/trash/), the route answers 204 with no body.
import { z } from 'zod';
import type { Viewer } from '../access/viewer.ts';
import { systemClock } from '../reminders/clock.ts';
import type { AppContext, RoutePlugin } from './context.ts';
import { IdParams } from './schemas.ts';

type RouteApp = Parameters<ReturnType<RoutePlugin>>[0];

export const DeleteQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('The version you read; a stale one gets 409'),
});

export function deleteRoute(
  app: RouteApp,
  ctx: AppContext,
  route: { tags: string[]; summary: string },
  remove: (viewer: Viewer, id: string, version: number | undefined, at: Date) => Promise<unknown>,
): void {
  app.delete('/:id', {
    schema: { ...route, params: IdParams, querystring: DeleteQuery, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await remove(req.viewer, req.params.id, req.query.version, (ctx.clock ?? systemClock).now());
      return reply.status(204).send(null);
    },
  });
}
