// HTTP routes for /api/v1/countries: the country brief, as JSON or a printable page.
import { z } from 'zod';
import type { RoutePlugin } from '../server/context.ts';
import { CurrencyCode } from '../server/schemas.ts';
import { renderCountryBrief } from './brief.html.ts';
import { countryBriefService } from './brief.service.ts';
import type { CountryBrief } from './countries.schema.ts';

export const countryRoutes: RoutePlugin = (ctx) => async (app) => {
  app.get('/:code/brief', {
    schema: {
      tags: ['countries'],
      summary:
        'Country brief: active assistance by theme and donor, overlaps, gaps, open recommendations, recurring lessons (?format=html to print)',
      params: z.object({ code: z.string().transform((s) => s.toUpperCase()) }),
      querystring: z.object({
        format: z.enum(['json', 'html']).default('json'),
        currency: CurrencyCode.default('USD'),
        lang: z
          .enum(['en', 'es', 'fr'])
          .default('en')
          .describe('Language of theme labels and the printed page'),
      }),
      // No response schema: the same route also sends the printable page. The JSON shape is CountryBrief.
    },
    handler: async (req, reply) => {
      const brief = await countryBriefService.brief(
        ctx.db,
        req.viewer,
        req.params.code,
        req.query.currency,
        req.query.lang,
      );
      if (req.query.format === 'html')
        return reply.type('text/html; charset=utf-8').send(renderCountryBrief(brief));
      return brief satisfies z.infer<typeof CountryBrief>;
    },
  });
};
