// HTTP routes for /api/v1/coordination: who else works here, and who does what where.
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse } from '../server/schemas.ts';
import { OverlapRequest, OverlapResponse } from './coordination.schema.ts';
import { overlapsService } from './overlaps.service.ts';

const tags = ['coordination'];

export const coordinationRoutes: RoutePlugin = (ctx) => async (app) => {
  app.post('/overlaps', {
    schema: {
      tags,
      summary: 'Projects that overlap a project or an unsaved draft, ranked, each with why',
      body: OverlapRequest,
      response: { 200: OverlapResponse, 404: ErrorResponse, 422: ErrorResponse },
    },
    handler: (req) => overlapsService.findOverlaps(ctx.db, req.viewer, req.body),
  });
};
