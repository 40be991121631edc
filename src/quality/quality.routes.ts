// HTTP routes for /api/v1/quality: the completeness elements and an organisation's data quality.
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse, IdParams } from '../server/schemas.ts';
import { CompletenessElements, OrganisationQuality } from './quality.schema.ts';
import { qualityService as service } from './quality.service.ts';

const tags = ['quality'];

export const qualityRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('/elements', {
    schema: {
      tags,
      summary: 'The elements a complete record has, their group (core, financial, value added) and weight',
      response: { 200: CompletenessElements },
    },
    handler: () => service.elements(),
  });
  app.get('/organisations/:id', {
    schema: {
      tags,
      summary:
        'Data quality of an organisation’s records you may see: completeness, stale projects, unresolved organisation names',
      params: IdParams,
      response: { 200: OrganisationQuality, 404: ErrorResponse },
    },
    handler: (req) => service.organisation(ctx.db, req.viewer, req.params.id),
  });
};
