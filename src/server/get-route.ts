// GET …/:id answering the one thing a service finds by id, the same for every resource: the
// service reads through the access filter and throws the one 404 for hidden and missing alike.
import type { z } from 'zod';
import type { Viewer } from '../access/viewer.ts';
import type { RoutePlugin } from './context.ts';
import { ErrorResponse, IdParams } from './schemas.ts';

type RouteApp = Parameters<ReturnType<RoutePlugin>>[0];

export function getByIdRoute<Reply extends z.ZodType>(
  app: RouteApp,
  path: `${string}/:id${string}`,
  route: { tags: string[]; summary: string; response: Reply },
  find: (viewer: Viewer, id: string) => Promise<z.input<Reply>>,
): void {
  const { response, ...described } = route;
  app.get(path, {
    // Generic here, the reply schema is checked where `find` is given (typed by it) and at run time.
    schema: { ...described, params: IdParams, response: { 200: response as z.ZodType, 404: ErrorResponse } },
    handler: (req) => find(req.viewer, req.params.id),
  });
}
