// The five routes every kind of owned record has (list, get, create, change, delete), built from
// the resource's own schemas so each appears in the OpenAPI document with its real shape.
import type { z } from 'zod';
import type { RoutePlugin } from '../server/context.ts';
import { deleteRoute } from '../server/delete-route.ts';
import { ErrorResponse, IdParams, listOf } from '../server/schemas.ts';
import type { RecordsService } from './records.service.ts';

export interface RecordRouteSpec {
  tag: string;
  noun: string;
  service: Pick<RecordsService, 'get' | 'list' | 'create' | 'update' | 'remove'>;
  Create: z.ZodType<Record<string, unknown>>;
  Update: z.ZodType<Record<string, unknown> & { version: number }>;
  Response: z.ZodType;
  ListQuery: z.ZodType<{ limit: number; cursor?: string }>;
  /** How the list is ordered, when not newest first. */
  order?: string;
}

export function recordRoutes(spec: RecordRouteSpec): RoutePlugin {
  const tags = [spec.tag];
  const { service } = spec;
  return (ctx) => async (app) => {
    app.get('', {
      schema: {
        tags,
        summary: `List ${spec.noun}s you may see, ${spec.order ?? 'newest first'}`,
        querystring: spec.ListQuery,
        response: { 200: listOf(spec.Response), 400: ErrorResponse },
      },
      handler: (req) => {
        return service.list(ctx.db, req.viewer, req.query as never);
      },
    });
    app.get('/:id', {
      schema: {
        tags,
        summary: `One ${spec.noun}`,
        params: IdParams,
        response: { 200: spec.Response, 404: ErrorResponse },
      },
      handler: (req) => service.get(ctx.db, req.viewer, req.params.id),
    });
    app.post('', {
      schema: {
        tags,
        summary: `Record a ${spec.noun}`,
        body: spec.Create,
        response: { 201: spec.Response, 422: ErrorResponse },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.create(ctx.db, req.viewer, req.body)),
    });
    app.patch('/:id', {
      schema: {
        tags,
        summary: `Change a ${spec.noun} (send the version you read)`,
        params: IdParams,
        body: spec.Update,
        response: { 200: spec.Response, 409: ErrorResponse, 422: ErrorResponse },
      },
      handler: (req) => service.update(ctx.db, req.viewer, req.params.id, req.body),
    });
    deleteRoute(
      app,
      ctx,
      { tags, summary: `Delete a ${spec.noun} (restorable for 30 days)` },
      (viewer, id, version, at) => service.remove(ctx.db, viewer, id, version, at),
    );
  };
}
