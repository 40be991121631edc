// HTTP routes for /api/v1/coordination: who else works here, and who does what where.

import { z } from 'zod';
import { auditService } from '../audit/audit.service.ts';
import type { RoutePlugin } from '../server/context.ts';
import { sendCsv } from '../server/csv-reply.ts';
import { CountryCode, csv, ErrorResponse, Id } from '../server/schemas.ts';
import { analyticsService as analytics } from './analytics.service.ts';
import {
  AnalyticsQuery,
  GapsQuery,
  GapsResponse,
  MATRIX_PAGE,
  MapResponse,
  MatrixQuery,
  type MatrixResponse,
  OverlapRequest,
  OverlapResponse,
  SummaryQuery,
  SummaryResponse,
  TimelineResponse,
} from './coordination.schema.ts';
import { duplicatesService } from './duplicates.service.ts';
import { overlapsService } from './overlaps.service.ts';
import { summaryService } from './summary.service.ts';

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
  app.get('/matrix', {
    schema: {
      tags,
      summary:
        'Who does what where (3W): organisations × countries × themes, projects and budget (?format=json|csv|xlsx; ?dimensions=country for organisations × countries)',
      querystring: MatrixQuery,
      // No response schema: the same route also sends CSV and Excel. The JSON shape is MatrixResponse.
    },
    handler: async (req, reply) => {
      const { format, ...q } = req.query;
      // A page as JSON (the web app's heat map); the exports are the whole table unless limited.
      const limit = q.limit ?? (format === 'json' ? MATRIX_PAGE : undefined);
      const m = await analytics.matrix(ctx.db, req.viewer, { ...q, limit });
      if (format === 'csv' || format === 'xlsx')
        await auditService.exported(ctx.db, req.viewer, `matrix_${format}`, req.query);
      if (format === 'csv') return sendCsv(reply, 'tacit-3w.csv', analytics.matrixCsv(m));
      if (format === 'xlsx')
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="tacit-3w.xlsx"')
          .send(await analytics.matrixXlsx(m, q));
      // Built to this shape by the service and typed so: validating 60,000 cells again cost more
      // than reading them.
      return m satisfies z.infer<typeof MatrixResponse>;
    },
  });
  app.get('/map', {
    schema: {
      tags,
      summary: 'Projects and budget per country, for a choropleth',
      querystring: AnalyticsQuery,
      response: { 200: MapResponse, 422: ErrorResponse },
    },
    handler: (req) => analytics.map(ctx.db, req.viewer, req.query),
  });
  app.get('/summary', {
    schema: {
      tags,
      summary:
        'The registry in numbers: projects you may see, per country, theme and donor, and the last changed',
      querystring: SummaryQuery,
      response: { 200: SummaryResponse, 422: ErrorResponse },
    },
    handler: (req) => summaryService.summary(ctx.db, req.viewer, req.query),
  });
  app.get('/gaps', {
    schema: {
      tags,
      summary:
        'Per country (or region, by=region) and theme: active projects, donors, Herfindahl index of budget shares, and gaps (none or little)',
      querystring: GapsQuery,
      response: { 200: GapsResponse, 422: ErrorResponse },
    },
    handler: (req) => analytics.gaps(ctx.db, req.viewer, req.query),
  });
  app.get('/timeline', {
    schema: {
      tags,
      summary: 'Projects per country over time, and active projects per year, for a Gantt view',
      querystring: AnalyticsQuery,
      response: { 200: TimelineResponse, 422: ErrorResponse },
    },
    handler: (req) => analytics.timeline(ctx.db, req.viewer, req.query),
  });
  app.get('/duplicates', {
    schema: {
      tags,
      summary:
        'Likely duplicate projects (same identifier, or nearly the same title, country and dates), each with a merge proposal',
      querystring: z.object({
        country: csv(CountryCode).optional(),
        project_id: Id.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    handler: (req) => duplicatesService.findDuplicates(ctx.db, req.viewer, req.query),
  });
};
