// HTTP routes of recurring lessons and recommendations: groups across projects, with what ties them.
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse } from '../server/schemas.ts';
import { RecurringGroups, RecurringLessonsQuery, RecurringRecommendationsQuery } from './recurring.schema.ts';
import { recurringService } from './recurring.service.ts';

const response = { 200: RecurringGroups, 400: ErrorResponse, 422: ErrorResponse };
const explained =
  'grouped across projects by shared concepts (named in English, Spanish or French), themes and wording; each group with a label, what ties it and its sources; a group always spans two projects or more';

export const recurringRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('/lessons/recurring', {
    schema: {
      tags: ['lessons'],
      summary: `Lessons that recur, ${explained}`,
      querystring: RecurringLessonsQuery,
      response,
    },
    handler: (req) => {
      return recurringService.groups(ctx.db, req.viewer, 'lesson', req.query);
    },
  });
  app.get('/recommendations/recurring', {
    schema: {
      tags: ['recommendations'],
      summary: `Recommendations that recur, ${explained}`,
      querystring: RecurringRecommendationsQuery,
      response,
    },
    handler: (req) => {
      return recurringService.groups(ctx.db, req.viewer, 'recommendation', req.query);
    },
  });
};
