// A signed-in user's own API tokens: list, create (the secret is shown once), revoke.
import { z } from 'zod';
import { systemClock } from '../reminders/clock.ts';
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse, IdParams } from '../server/schemas.ts';
import { ApiToken, TokenCreate, TokenCreated } from './tokens.schema.ts';
import { tokensService as service } from './tokens.service.ts';

const tags = ['tokens'];

export const tokenRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('', {
    schema: {
      tags,
      summary: 'Your API tokens (never their secrets)',
      response: { 200: z.array(ApiToken), 401: ErrorResponse },
    },
    handler: (req) => service.list(ctx.db, req.viewer),
  });
  app.post('', {
    schema: {
      tags,
      summary: 'Create an API token; the secret is in this reply only',
      body: TokenCreate,
      response: { 201: TokenCreated, 401: ErrorResponse, 422: ErrorResponse },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await service.create(ctx.db, req.viewer, req.body, ctx.clock ?? systemClock)),
  });
  app.delete('/:id', {
    schema: {
      tags,
      summary: 'Revoke one of your tokens',
      params: IdParams,
      response: { 204: z.null(), 404: ErrorResponse },
    },
    handler: async (req, reply) => {
      await service.revoke(ctx.db, req.viewer, req.params.id);
      return reply.status(204).send(null);
    },
  });
};
