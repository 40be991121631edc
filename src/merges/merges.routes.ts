// HTTP routes of the merges: POST /organisations/{id}/merge and /projects/{id}/merge fold a
// duplicate into the record that stays; POST …/merges/{id}/undo puts everything back.
import type { Viewer } from '../access/viewer.ts';
import type { Database } from '../db/client.ts';
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse, IdParams } from '../server/schemas.ts';
import type { toMergeResult } from './merges.repository.ts';
import { MergeParams, MergeRequest, MergeResult } from './merges.schema.ts';
import { organisationMergeService } from './organisation-merge.service.ts';
import { projectMergeService } from './project-merge.service.ts';

type Reply = Promise<ReturnType<typeof toMergeResult>>;
interface MergeService {
  merge(db: Database, viewer: Viewer, id: string, into: string): Reply;
  undo(db: Database, viewer: Viewer, mergeId: string): Reply;
}

const KINDS: { path: string; service: MergeService; summary: string; undo: string; description: string }[] = [
  {
    path: 'organisations',
    service: organisationMergeService,
    summary: 'Merge an organisation registered twice into the one that stays',
    undo: 'Undo an organisation merge, restoring both organisations exactly as they were',
    description:
      'Moves every reference (projects and records it owns or takes part in, share lists, members, publisher ' +
      'refs, child organisations, assessments, follow-up) to `into`; its name, acronym, aliases and IATI ref ' +
      'stay as aliases of `into`; audited, and undone by POST /organisations/merges/{id}/undo. A network ' +
      'administrator, or an administrator of both organisations, may merge.',
  },
  {
    path: 'projects',
    service: projectMergeService,
    summary: 'Merge a project registered twice into the one that stays',
    undo: 'Undo a project merge, restoring both projects and their records exactly as they were',
    description:
      'Moves its documents, reviews (and their scores), evaluations, recommendations, lessons, meetings and ' +
      'assessments to `into`, which takes its code, IATI identifier, description and dates where it has none; ' +
      'audited, and undone by POST /projects/merges/{id}/undo. Only editors of the organisation that owns both ' +
      'projects may merge them; a project you cannot see is missing.',
  },
];

const errorsOf = { 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export const mergeRoutes: RoutePlugin = (ctx) => async (app) => {
  for (const kind of KINDS) {
    const tags = [kind.path];
    app.post(`/${kind.path}/:id/merge`, {
      schema: {
        tags,
        summary: kind.summary,
        description: kind.description,
        params: MergeParams,
        body: MergeRequest,
        response: { 200: MergeResult, ...errorsOf },
      },
      handler: (req) => kind.service.merge(ctx.db, req.viewer, req.params.id, req.body.into),
    });
    app.post(`/${kind.path}/merges/:id/undo`, {
      schema: { tags, summary: kind.undo, params: IdParams, response: { 200: MergeResult, ...errorsOf } },
      handler: (req) => kind.service.undo(ctx.db, req.viewer, req.params.id),
    });
  }
};
