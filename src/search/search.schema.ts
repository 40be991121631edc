// Request and response shapes of GET /api/v1/search.
import { z } from 'zod';
import { ParticipantRole } from '../projects/projects.schema.ts';
import { CountryCode, csv, DacCode, Id, ThemeSlug } from '../server/schemas.ts';

export const SEARCH_KINDS = [
  'project',
  'document',
  'review',
  'evaluation',
  'recommendation',
  'lesson',
  'meeting',
  'organisation',
] as const;

export const PARTICIPANT_ROLES = ParticipantRole.options;

const Year = z.coerce.number().int().min(1900).max(2200);

export const SearchQuery = z.object({
  q: z
    .string()
    .max(500)
    .default('')
    .describe('Words, "phrases", -exclusions and OR; acronyms such as NCA also match the full name'),
  kind: csv(z.enum(SEARCH_KINDS)).optional(),
  country: csv(CountryCode).optional(),
  region: csv(z.string()).optional(),
  theme: csv(ThemeSlug).optional(),
  dac: csv(DacCode).optional(),
  organisation: Id.optional(),
  role: z.enum(PARTICIPANT_ROLES).optional().describe('With organisation: only where it has this role'),
  status: csv(z.string()).optional(),
  year_from: Year.optional(),
  year_to: Year.optional(),
  score: csv(z.string()).optional(),
  language: csv(z.string().length(2)).optional(),
  sort: z.enum(['relevance', 'date']).optional().describe('relevance (default with a query) or date'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional().describe('next_cursor from the previous page'),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  project_id: z.string().nullable(),
  title: z.string(),
  snippet: z.string().describe('HTML-escaped text with the matched words in <mark>…</mark>'),
  date: z.string().nullable(),
  countries: z.array(z.string()),
  themes: z.array(z.string()),
  status: z.string().nullable(),
  score: z.string().nullable(),
  language: z.string().nullable(),
  rank: z.number(),
  withheld_fields: z
    .array(z.string())
    .describe('Fields of the record you may not see: their text is in neither the snippet nor the match'),
});
export type SearchHit = z.infer<typeof SearchHit>;

const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number() });
export type FacetValue = z.infer<typeof FacetValue>;

export const FACETS = [
  'kind',
  'country',
  'region',
  'theme',
  'dac',
  'organisation',
  'status',
  'year',
  'score',
  'language',
] as const;
export type FacetName = (typeof FACETS)[number];

export const SearchResponse = z.object({
  total: z.number().describe('Matching records you may see'),
  approximate: z
    .boolean()
    .describe(
      'True when the query matches so many records that total and facet counts are estimated from a sample (rounded to two significant digits), and relevance ranks that sample; sort by date, add words or filters for exact figures',
    ),
  items: z.array(SearchHit),
  facets: z.record(z.enum(FACETS), z.array(FacetValue)),
  next_cursor: z.string().nullable(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;
