// HTTP route of the evaluation criteria portfolio.
import type { z } from 'zod';
import type { RoutePlugin } from '../server/context.ts';
import { sendCsv } from '../server/csv-reply.ts';
import { type CriteriaPortfolio, CriteriaQuery } from './criteria.schema.ts';
import { criteriaService } from './criteria.service.ts';

export const criteriaRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('/criteria', {
    schema: {
      tags: ['evaluations'],
      summary:
        'Which evaluation criteria are most often rated weak (moderately unsatisfactory or below), overall or by theme or region (?format=json|csv)',
      querystring: CriteriaQuery,
      // No response schema: the same route also sends CSV. The JSON shape is CriteriaPortfolio.
    },
    handler: async (req, reply) => {
      const portfolio = await criteriaService.portfolio(ctx.db, req.viewer, req.query.by);
      if (req.query.format === 'csv')
        return sendCsv(
          reply,
          `tacit-criteria-by-${req.query.by}.csv`,
          criteriaService.portfolioCsv(portfolio),
        );
      return portfolio satisfies z.infer<typeof CriteriaPortfolio>;
    },
  });
};
