// HTTP routes of /api/v1/reminders: an organisation's digest and the digests sent, a user's
// digest preference, and progress recorded through a signed link without signing in.
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse } from '../server/schemas.ts';
import { systemClock } from './clock.ts';
import { digestService } from './digest.service.ts';
import { linksService } from './links.service.ts';
import {
  Digest,
  DigestDeliveries,
  DigestPreferences,
  LinkedAction,
  LinkInspect,
  OrganisationQuery,
  ProgressByLink,
  ProgressParams,
  ProgressRecorded,
} from './reminders.schema.ts';

const tags = ['reminders'];

export const reminderRoutes: RoutePlugin = (ctx) => async (app) => {
  const clock = ctx.clock ?? systemClock;
  app.get('/digest', {
    schema: {
      tags,
      summary:
        "An organisation's digest as of today: key actions due within 14 days, overdue ones, records not updated for 12 months",
      querystring: OrganisationQuery,
      response: { 200: Digest, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse },
    },
    handler: (req) => digestService.forMember(ctx.db, req.viewer, clock, req.query.organisation),
  });
  app.get('/deliveries', {
    schema: {
      tags,
      summary: 'The digests e-mailed to an organisation’s members, newest first',
      querystring: OrganisationQuery,
      response: { 200: DigestDeliveries, 401: ErrorResponse, 403: ErrorResponse },
    },
    handler: async (req) => ({
      items: await digestService.deliveries(ctx.db, req.viewer, req.query.organisation),
    }),
  });
  app.get('/preferences', {
    schema: {
      tags,
      summary: 'Whether you receive digests',
      response: { 200: DigestPreferences, 401: ErrorResponse },
    },
    handler: (req) => digestService.preferences(ctx.db, req.viewer),
  });
  app.put('/preferences', {
    schema: {
      tags,
      summary: 'Turn your digests on or off',
      body: DigestPreferences,
      response: { 200: DigestPreferences, 401: ErrorResponse, 422: ErrorResponse },
    },
    handler: (req) => digestService.setPreferences(ctx.db, req.viewer, req.body.digest_enabled),
  });
  app.post('/action-links/inspect', {
    schema: {
      tags,
      summary: 'What a signed link from a digest is for (no sign-in needed)',
      body: LinkInspect,
      response: { 200: LinkedAction, 403: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse },
      security: [],
    },
    handler: (req) => linksService.inspect(ctx.db, clock, req.body.token),
  });
  app.post('/key-actions/:recommendation_id/:index/progress', {
    schema: {
      tags,
      summary:
        'Record progress on one key action with the signed link from a digest (no sign-in needed; works once, for 72 hours)',
      params: ProgressParams,
      body: ProgressByLink,
      response: {
        200: ProgressRecorded,
        403: ErrorResponse,
        409: ErrorResponse,
        410: ErrorResponse,
        422: ErrorResponse,
      },
      security: [],
    },
    handler: (req) => {
      const { token, ...input } = req.body;
      return linksService.recordProgress(
        ctx.db,
        clock,
        token,
        { recommendationId: req.params.recommendation_id, actionIndex: req.params.index },
        input,
      );
    },
  });
};
