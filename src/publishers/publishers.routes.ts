// HTTP routes for the IATI publisher refs verified per organisation:
// /api/v1/organisations/:id/publisher-refs (list, verify) and …/:ref (withdraw).
import { z } from 'zod';
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse, IdParams } from '../server/schemas.ts';
import { PublisherRef, PublisherRefCreate, PublisherRefParams } from './publishers.schema.ts';
import { publishersService as service } from './publishers.service.ts';

const tags = ['organisations'];

export const publisherRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('/organisations/:id/publisher-refs', {
    schema: {
      tags,
      summary: 'The IATI publisher refs verified for an organisation (its uploads may write under them)',
      params: IdParams,
      response: { 200: z.object({ items: z.array(PublisherRef) }), 404: ErrorResponse },
    },
    handler: async (req) => ({ items: await service.list(ctx.db, req.params.id) }),
  });
  app.post('/organisations/:id/publisher-refs', {
    schema: {
      tags,
      summary: 'Verify an IATI publisher ref for an organisation (network administrators only)',
      params: IdParams,
      body: PublisherRefCreate,
      response: {
        200: PublisherRef,
        201: PublisherRef,
        403: ErrorResponse,
        404: ErrorResponse,
        409: ErrorResponse,
      },
    },
    handler: async (req, reply) => {
      const { created, ref } = await service.verify(
        ctx.db,
        { viewer: req.viewer },
        req.params.id,
        req.body.ref,
      );
      return reply.status(created ? 201 : 200).send(ref);
    },
  });
  app.delete('/organisations/:id/publisher-refs/:ref', {
    schema: {
      tags,
      summary: 'Withdraw a verified IATI publisher ref (network administrators only)',
      params: PublisherRefParams,
      response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse },
    },
    handler: async (req, reply) => {
      await service.withdraw(ctx.db, { viewer: req.viewer }, req.params.id, req.params.ref);
      return reply.status(204).send(null);
    },
  });
};
