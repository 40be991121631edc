// HTTP route of the evaluation criteria portfolio.
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse } from '../server/schemas.ts';
import { CriteriaPortfolio, CriteriaQuery } from './criteria.schema.ts';
import { criteriaService } from './criteria.service.ts';

export const criteriaRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('/criteria', {
    schema: {
      tags: ['evaluations'],
      summary:
        'Which evaluation criteria are most often rated weak (moderately unsatisfactory or below), overall or by theme or region',
      querystring: CriteriaQuery,
      response: { 200: CriteriaPortfolio, 400: ErrorResponse, 422: ErrorResponse },
    },
    handler: (req) => {
      return criteriaService.portfolio(ctx.db, req.viewer, req.query.by);
    },
  });
};
