// HTTP route for /api/v1/search.
import type { RoutePlugin } from '../server/context.ts';
import { ErrorResponse } from '../server/schemas.ts';
import { SearchQuery, SearchResponse } from './search.schema.ts';
import { searchService } from './search.service.ts';

export const searchRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('', {
    schema: {
      tags: ['search'],
      summary: 'Search every kind of record you may see, with facet counts, filters and highlighted snippets',
      querystring: SearchQuery,
      response: { 200: SearchResponse, 422: ErrorResponse },
    },
    handler: (req) => searchService.search(ctx.db, req.viewer, req.query),
  });
};
