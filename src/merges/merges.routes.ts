// HTTP routes of the merges: POST /organisations/{id}/merge and /projects/{id}/merge fold a
// duplicate into the record that stays; POST …/merges/{id}/undo puts everything back.
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse, IdParams } from '../server/schemas.ts';
import { MergeParams, MergeRequest, MergeResult } from './merges.schema.ts';
import { organisationMergeService as organisations } from './organisation-merge.service.ts';
import { projectMergeService as projects } from './project-merge.service.ts';

const errorsOf = { 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export const mergeRoutes: RoutePlugin = (ctx) => async (app) => {
  app.post('/organisations/:id/merge', {
    schema: {
      tags: ['organisations'],
      summary: 'Merge an organisation registered twice into the one that stays',
      description:
        'Moves every reference (projects and records it owns or takes part in, share lists, members, publisher ' +
        'refs, child organisations, assessments, follow-up) to `into`; its name, acronym, aliases and IATI ref ' +
        'stay as aliases of `into`; audited, and undone by POST /organisations/merges/{id}/undo. A network ' +
        'administrator, or an administrator of both organisations, may merge.',
      params: MergeParams,
      body: MergeRequest,
      response: { 200: MergeResult, ...errorsOf },
    },
    handler: (req) => organisations.merge(ctx.db, req.viewer, req.params.id, req.body.into),
  });
  app.post('/organisations/merges/:id/undo', {
    schema: {
      tags: ['organisations'],
      summary: 'Undo an organisation merge, restoring both organisations exactly as they were',
      params: IdParams,
      response: { 200: MergeResult, ...errorsOf },
    },
    handler: (req) => organisations.undo(ctx.db, req.viewer, req.params.id),
  });
  app.post('/projects/:id/merge', {
    schema: {
      tags: ['projects'],
      summary: 'Merge a project registered twice into the one that stays',
      description:
        'Moves its documents, reviews (and their scores), evaluations, recommendations, lessons, meetings and ' +
        'assessments to `into`, which takes its code, IATI identifier, description and dates where it has none; ' +
        'audited, and undone by POST /projects/merges/{id}/undo. Only editors of the organisation that owns both ' +
        'projects may merge them; a project you cannot see is missing.',
      params: MergeParams,
      body: MergeRequest,
      response: { 200: MergeResult, ...errorsOf },
    },
    handler: (req) => projects.merge(ctx.db, req.viewer, req.params.id, req.body.into),
  });
  app.post('/projects/merges/:id/undo', {
    schema: {
      tags: ['projects'],
      summary: 'Undo a project merge, restoring both projects and their records exactly as they were',
      params: IdParams,
      response: { 200: MergeResult, ...errorsOf },
    },
    handler: (req) => projects.undo(ctx.db, req.viewer, req.params.id),
  });
};
