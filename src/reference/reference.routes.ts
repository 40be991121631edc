// The controlled vocabularies, for forms and for clients that validate before they send:
// countries and themes with labels in English, Spanish and French, DAC codes, currencies, and the
// fixed lists the forms offer (rating scale, criteria, organisation types).
import { z } from 'zod';
import type { RoutePlugin } from '../server/context.ts';
import { ReferenceDacCode, ReferenceItem, ReferenceLists, ReferenceTheme } from './reference.schema.ts';
import { referenceService } from './reference.service.ts';
import { LANGUAGES } from './vocabularies.ts';

const tags = ['reference'];
const Lang = z.object({ lang: z.enum(LANGUAGES).default('en') });

export const referenceRoutes: RoutePlugin = () => async (app) => {
  app.get('/countries', {
    schema: {
      tags,
      summary: 'ISO 3166-1 countries, named in the language asked for',
      querystring: Lang,
      response: { 200: z.array(ReferenceItem) },
    },
    handler: async (req) => referenceService.countries(req.query.lang),
  });
  app.get('/themes', {
    schema: {
      tags,
      summary: 'The themes (stable slugs, translated labels, the DAC codes they map to)',
      querystring: Lang,
      response: { 200: z.array(ReferenceTheme) },
    },
    handler: async (req) => referenceService.themes(req.query.lang),
  });
  app.get('/dac-codes', {
    schema: {
      tags,
      summary: 'DAC CRS purpose codes (5 digits) and categories (3 digits)',
      response: { 200: z.array(ReferenceDacCode) },
    },
    handler: async () => referenceService.dacCodes(),
  });
  app.get('/currencies', {
    schema: { tags, summary: 'ISO 4217 currencies', response: { 200: z.array(ReferenceItem) } },
    handler: async () => referenceService.currencies(),
  });
  app.get('/lists', {
    schema: {
      tags,
      summary: 'The fixed lists forms offer: the six-point scale, evaluation criteria, organisation types',
      response: { 200: ReferenceLists },
    },
    handler: async () => referenceService.lists(),
  });
};
