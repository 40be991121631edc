// Schema pieces shared by every resource: ids, codes checked against the vocabularies, partial
// dates, visibility, versions and cursor pagination.
import { z } from 'zod';
import { vocabularies } from '../reference/vocabularies.ts';

export const Id = z.uuid({ message: 'must be a UUID' });
export const IdParams = z.object({ id: Id });

export const Visibility = z
  .enum(['public', 'network', 'owner'])
  .describe('public: anyone; network: any signed-in member organisation; owner: the owner organisation only');

/** A record's visibility: the three classes, or shared with the organisations it names. */
export const RecordVisibility = z
  .enum(['public', 'network', 'shared', 'owner'])
  .describe(
    'public: anyone; network: any signed-in member organisation; shared: the owner and the organisations in shared_with; owner: the owner organisation only',
  );

export const CountryCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(vocabularies.isCountry, { message: 'is not an ISO 3166-1 alpha-2 country code (e.g. PE, CO)' });

export const ThemeSlug = z.string().refine(vocabularies.isTheme, {
  message: `is not a theme; use one of the slugs listed at GET /api/v1/reference/themes`,
});

export const DacCode = z.string().refine(vocabularies.isDacCode, {
  message: 'is not a DAC CRS purpose code (5 digits) or category (3 digits)',
});

export const CurrencyCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(vocabularies.isCurrency, { message: 'is not an ISO 4217 currency code (e.g. GBP, USD, EUR)' });

/** A date as precise as the source: 2015, 2015-04 or 2015-04-01. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(
    (s) =>
      s.length < 10 ||
      (!Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)),
    {
      message: 'is not a calendar date',
    },
  );

export const IsoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export const Version = z.number().int().positive().describe('The version you read; a stale one gets 409');

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional().describe('next_cursor from the previous page'),
});

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

export const ErrorResponse = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }) })
  .describe('Every error has this shape');

/** Comma-separated or repeated query values, e.g. ?country=PE,CO or ?country=PE&country=CO. */
export function csv<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));
}
