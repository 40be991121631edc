// HTTP routes for /api/v1/assessments: apply an instrument, score it (one sheet per assessor,
// then the agreed one), see what Tacit pre-fills, and read results and comparisons as JSON or CSV.

import { z } from 'zod';
import { auditService } from '../audit/audit.service.ts';
import { systemClock } from '../reminders/clock.ts';
import type { RoutePlugin } from '../server/context.ts';
import { sendCsv } from '../server/csv-reply.ts';
import { getByIdRoute } from '../server/get-route.ts';
import { ErrorResponse, IdParams } from '../server/schemas.ts';
import {
  Assessment,
  AssessmentCreate,
  AssessmentListQuery,
  AssessmentSummary,
  AssessmentUpdate,
  CompareQuery,
  type Comparison,
  Prefill,
  ResultsQuery,
  SheetBody,
} from './assessments.schema.ts';
import { assessmentsService as service } from './assessments.service.ts';

const tags = ['assessments'];
const writeErrors = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };

export const assessmentRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('', {
    schema: {
      tags,
      summary: 'Assessments you may see, newest first',
      querystring: AssessmentListQuery,
      response: { 200: z.array(AssessmentSummary) },
    },
    handler: (req) => service.list(ctx.db, req.viewer, req.query),
  });
  app.post('', {
    schema: {
      tags,
      summary:
        'Apply an instrument version to a project, an organisation or a country (owner-only by default)',
      body: AssessmentCreate,
      response: { 201: Assessment, ...writeErrors },
    },
    handler: async (req, reply) => reply.status(201).send(await service.create(ctx.db, req.viewer, req.body)),
  });
  app.get('/compare', {
    schema: {
      tags,
      summary:
        'Agreed results of assessments made with the same instrument version, side by side (JSON or CSV)',
      querystring: CompareQuery,
      // No response schema: the same route also sends CSV. The JSON shape is Comparison.
    },
    handler: async (req, reply) => {
      const comparison = await service.compare(ctx.db, req.viewer, req.query.ids);
      if (req.query.format === 'csv') {
        await auditService.exported(ctx.db, req.viewer, 'assessments_comparison_csv', req.query);
        return sendCsv(reply, 'assessments-comparison.csv', service.compareCsv(comparison));
      }
      const { definition: _definition, ...rest } = comparison;
      return rest satisfies z.infer<typeof Comparison>;
    },
  });
  getByIdRoute(
    app,
    '/:id',
    {
      tags,
      summary:
        'One assessment: each assessor’s scores and results, side by side with the spread, and the agreed result',
      response: Assessment,
    },
    (viewer, id) => service.get(ctx.db, viewer, id),
  );
  app.get('/:id/results', {
    schema: {
      tags,
      summary: 'Results per area and overall, per assessor and agreed (JSON or CSV)',
      params: IdParams,
      querystring: ResultsQuery,
    },
    handler: async (req, reply) => {
      if (req.query.format === 'csv') {
        const csv = await service.resultsCsv(ctx.db, req.viewer, req.params.id);
        await auditService.exported(ctx.db, req.viewer, 'assessment_results_csv', { id: req.params.id });
        return sendCsv(reply, `assessment-${req.params.id}.csv`, csv);
      }
      const a = await service.get(ctx.db, req.viewer, req.params.id);
      return {
        instrument: a.instrument,
        assessors: a.assessors.map((s) => ({ assessor: s.assessor, results: s.results })),
        agreed: a.agreed?.results ?? null,
      };
    },
  });
  getByIdRoute(
    app,
    '/:id/prefill',
    {
      tags,
      summary:
        'What Tacit already knows for the questions it can pre-fill, with its evidence (projects only)',
      response: Prefill,
    },
    (viewer, id) => service.prefill(ctx.db, viewer, id),
  );
  app.patch('/:id', {
    schema: {
      tags,
      summary: 'Change an assessment’s title or who may see it (public, network, named organisations, owner)',
      params: IdParams,
      body: AssessmentUpdate,
      response: { 200: Assessment, 409: ErrorResponse, ...writeErrors },
    },
    handler: (req) => service.update(ctx.db, req.viewer, req.params.id, req.body),
  });
  for (const [path, agreed] of [
    ['scores', false],
    ['agreed', true],
  ] as const) {
    app.put(`/:id/${path}`, {
      schema: {
        tags,
        summary: agreed
          ? 'Set the agreed result (replaces it)'
          : 'Set your own scores as an assessor (replaces your sheet; other assessors keep theirs)',
        params: IdParams,
        body: SheetBody,
        response: { 200: Assessment, ...writeErrors },
      },
      handler: (req) => service.writeSheet(ctx.db, req.viewer, req.params.id, req.body, agreed),
    });
  }
  app.delete('/:id', {
    schema: {
      tags,
      summary: 'Delete an assessment (restorable for 30 days)',
      params: IdParams,
      response: { 204: z.null(), ...writeErrors },
    },
    handler: async (req, reply) => {
      await service.remove(ctx.db, req.viewer, req.params.id, (ctx.clock ?? systemClock).now());
      return reply.status(204).send(null);
    },
  });
};
