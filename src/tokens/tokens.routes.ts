// A signed-in user's own API tokens: list, create (the secret is shown once), revoke.
import { z } from 'zod';
import { assertCanWrite } from '../access/permissions.ts';
import { tokensRepository } from '../auth/auth.repository.ts';
import { authService } from '../auth/auth.service.ts';
import type { RoutePlugin } from '../server/context.ts';
import { errors } from '../server/errors.ts';
import { ErrorResponse, IdParams } from '../server/schemas.ts';
import { ApiToken, TokenCreated, TokenScope } from './tokens.schema.ts';

const tags = ['tokens'];

export const tokenRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('', {
    schema: {
      tags,
      summary: 'Your API tokens (never their secrets)',
      response: { 200: z.array(ApiToken), 401: ErrorResponse },
    },
    handler: async (req) => {
      if (!req.viewer.userId) throw errors.unauthorized();
      return tokensRepository.listForUser(ctx.db, req.viewer.userId);
    },
  });
  app.post('', {
    schema: {
      tags,
      summary: 'Create an API token; the secret is in this reply only',
      body: z.strictObject({ name: z.string().trim().min(1).max(200), scope: TokenScope.default('read') }),
      response: { 201: TokenCreated, 401: ErrorResponse },
    },
    handler: async (req, reply) => {
      assertCanWrite(req.viewer);
      if (!req.viewer.email || !req.viewer.userId) throw errors.unauthorized();
      const created = await authService.createToken(ctx.db, req.viewer.email, req.body.scope, req.body.name);
      return reply.status(201).send(created);
    },
  });
  app.delete('/:id', {
    schema: {
      tags,
      summary: 'Revoke one of your tokens',
      params: IdParams,
      response: { 204: z.null(), 404: ErrorResponse },
    },
    handler: async (req, reply) => {
      assertCanWrite(req.viewer);
      if (!req.viewer.userId || !(await tokensRepository.revoke(ctx.db, req.viewer.userId, req.params.id))) {
        throw errors.notFound('token', req.params.id);
      }
      return reply.status(204).send(null);
    },
  });
};
