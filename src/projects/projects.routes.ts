// HTTP routes for /api/v1/projects.
import type { RoutePlugin } from '../server/context.ts';
import { deleteRoute } from '../server/delete-route.ts';
import { getByIdRoute } from '../server/get-route.ts';
import { ErrorResponse, IdParams, listOf } from '../server/schemas.ts';
import {
  Project,
  ProjectCreate,
  ProjectListItem,
  ProjectListQuery,
  ProjectUpdate,
} from './projects.schema.ts';
import { projectsService as service } from './projects.service.ts';

const tags = ['projects'];

export const projectRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('', {
    schema: {
      tags,
      summary: 'List the projects you may see, newest first, with filters',
      querystring: ProjectListQuery,
      response: { 200: listOf(ProjectListItem), 422: ErrorResponse },
    },
    handler: (req) => service.list(ctx.db, req.viewer, req.query),
  });
  getByIdRoute(app, '/:id', { tags, summary: 'One project', response: Project }, (viewer, id) =>
    service.get(ctx.db, viewer, id),
  );
  app.post('', {
    schema: {
      tags,
      summary: 'Register a project',
      body: ProjectCreate,
      response: { 201: Project, 409: ErrorResponse, 422: ErrorResponse },
    },
    handler: async (req, reply) => reply.status(201).send(await service.create(ctx.db, req.viewer, req.body)),
  });
  app.patch('/:id', {
    schema: {
      tags,
      summary: 'Change a project (send the version you read; lists given replace the stored ones)',
      params: IdParams,
      body: ProjectUpdate,
      response: { 200: Project, 409: ErrorResponse, 422: ErrorResponse },
    },
    handler: (req) => service.update(ctx.db, req.viewer, req.params.id, req.body),
  });
  deleteRoute(
    app,
    ctx,
    { tags, summary: 'Delete a project and what belongs to it (restorable for 30 days)' },
    (viewer, id, version, at) => service.remove(ctx.db, viewer, id, version, at),
  );
};
