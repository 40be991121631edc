// HTTP routes of scores: /projects/{id}/scores (history and flags) and /scores/portfolio.

import type { z } from 'zod';
import { auditService } from '../audit/audit.service.ts';
import type { RoutePlugin } from '../server/context.ts';
import { sendCsv } from '../server/csv-reply.ts';
import { ErrorResponse, IdParams } from '../server/schemas.ts';
import { PortfolioQuery, ProjectScores, type ScorePortfolio } from './scores.schema.ts';
import { scoresService } from './scores.service.ts';

const tags = ['scores'];

export const scoreRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('/projects/:id/scores', {
    schema: {
      tags,
      summary:
        'Score history of a project: programme, outcome and output scores and risk per period, each on its own scale, with the flags the rules of practice raise',
      params: IdParams,
      response: { 200: ProjectScores, 404: ErrorResponse, 422: ErrorResponse },
    },
    handler: (req) => scoresService.projectScores(ctx.db, req.viewer, req.params.id),
  });
  app.get('/scores/portfolio', {
    schema: {
      tags,
      summary:
        'Distribution of review marks by donor, country, theme or year, per scale (?format=json|csv); scales are never averaged together',
      querystring: PortfolioQuery,
      // No response schema: the same route also sends CSV. The JSON shape is ScorePortfolio.
    },
    handler: async (req, reply) => {
      const portfolio = await scoresService.portfolio(ctx.db, req.viewer, req.query);
      if (req.query.format === 'csv') {
        await auditService.exported(ctx.db, req.viewer, 'scores_csv', req.query);
        return sendCsv(reply, `tacit-scores-by-${req.query.by}.csv`, scoresService.portfolioCsv(portfolio));
      }
      return portfolio satisfies z.infer<typeof ScorePortfolio>;
    },
  });
};
