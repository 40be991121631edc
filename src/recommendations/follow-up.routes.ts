// HTTP routes of a recommendation's follow-up: progress on a key action, the two implementation
// ratings, the register's counts and the implementation rate (JSON or CSV).

import type { z } from 'zod';
import { auditService } from '../audit/audit.service.ts';
import type { RoutePlugin } from '../server/context.ts';
import { sendCsv } from '../server/csv-reply.ts';
import { ErrorResponse, IdParams } from '../server/schemas.ts';
import {
  type ImplementationRate,
  KeyActionParams,
  ProgressCreate,
  RateQuery,
  RatingCreate,
  RegisterCounts,
  RegisterFilters,
} from './follow-up.schema.ts';
import { followUpService } from './follow-up.service.ts';
import { Recommendation } from './recommendations.schema.ts';

const tags = ['recommendations'];

export const recommendationFollowUpRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('/counts', {
    schema: {
      tags,
      summary:
        'How many recommendations you may see match the register’s filters: overdue, by status, ratings in disagreement',
      querystring: RegisterFilters,
      response: { 200: RegisterCounts, 400: ErrorResponse, 422: ErrorResponse },
    },
    handler: (req) => {
      return followUpService.counts(ctx.db, req.viewer, req.query);
    },
  });
  app.get('/implementation-rate', {
    schema: {
      tags,
      summary:
        'Share of recommendations (not rejected) with every key action completed, and share validated by their owner, by organisation, year or theme (?format=json|csv)',
      querystring: RateQuery,
      // No response schema: the same route also sends CSV. The JSON shape is ImplementationRate.
    },
    handler: async (req, reply) => {
      const rate = await followUpService.implementationRate(ctx.db, req.viewer, req.query);
      if (req.query.format === 'csv') {
        await auditService.exported(ctx.db, req.viewer, 'implementation_rate_csv', req.query);
        return sendCsv(
          reply,
          `tacit-implementation-rate-by-${req.query.by}.csv`,
          followUpService.rateCsv(rate),
        );
      }
      return rate satisfies z.infer<typeof ImplementationRate>;
    },
  });
  app.post('/:id/key-actions/:index/progress', {
    schema: {
      tags,
      summary:
        'Record dated progress on one key action, with a comment and evidence (editors of the organisation responsible for it)',
      params: KeyActionParams,
      body: ProgressCreate,
      response: {
        201: Recommendation,
        403: ErrorResponse,
        404: ErrorResponse,
        409: ErrorResponse,
        422: ErrorResponse,
      },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(
          await followUpService.recordProgress(ctx.db, req.viewer, req.params.id, req.params.index, req.body),
        ),
  });
  app.post('/:id/ratings', {
    schema: {
      tags,
      summary:
        'Rate how far a recommendation is implemented: kind self (the responsible organisation) or validation (the owner)',
      params: IdParams,
      body: RatingCreate,
      response: { 201: Recommendation, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await followUpService.rate(ctx.db, req.viewer, req.params.id, req.body)),
  });
};
