// Requests and replies of a recommendation's follow-up: progress on a key action, the two
// implementation ratings, the register's counts and the implementation rate.
import { z } from 'zod';
import { Id, IsoDate } from '../server/schemas.ts';
import { dueOrder, ImplementationRating, registerFilters } from './recommendations.schema.ts';

export const KeyActionParams = z.strictObject({
  id: Id,
  index: z.coerce.number().int().min(0).max(99).describe('Position of the key action, from 0'),
});

export const ProgressCreate = z
  .strictObject({
    status: z
      .enum(['in_progress', 'completed', 'no_longer_applicable'])
      .describe('Where the key action stands after this update'),
    comment: z.string().trim().min(1, 'must say what was done').max(5000),
    reported_on: IsoDate.optional().describe('The day the progress was made; defaults to today'),
    evidence_url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) link' })
      .max(2000)
      .optional()
      .describe('A link to the evidence'),
    evidence_document_id: Id.optional().describe('A Tacit document holding the evidence'),
  })
  .meta({ id: 'KeyActionProgressCreate' });

export const RatingCreate = z
  .strictObject({
    kind: z
      .enum(['self', 'validation'])
      .describe('self: the responsible organisation rates its own implementation; validation: the owner'),
    rating: ImplementationRating,
    comment: z.string().trim().max(5000).optional(),
  })
  .meta({ id: 'ImplementationRatingCreate' });

export const RegisterFilters = z.object(registerFilters).refine(...dueOrder);

export const RegisterCounts = z
  .object({
    total: z.number().int(),
    overdue: z.number().int(),
    open: z.number().int(),
    in_progress: z.number().int(),
    closed: z.number().int(),
    ratings_disagree: z.number().int(),
  })
  .meta({ id: 'RecommendationCounts' });

export const RateQuery = z
  .object({
    ...registerFilters,
    by: z.enum(['organisation', 'year', 'theme']).default('organisation'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine(...dueOrder);

export const ImplementationRate = z
  .object({
    by: z.string(),
    groups: z.array(
      z.object({
        key: z.string().nullable().describe('Organisation id, year or theme slug; null: none'),
        label: z.string().nullable(),
        recommendations: z.number().int().describe('Recommendations not rejected'),
        implemented: z.number().int().describe('Every key action completed (at least one)'),
        implemented_share: z.number().nullable(),
        validated: z.number().int().describe('The owner gave a validation rating other than not rated'),
        validated_share: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ImplementationRate' });
export type ImplementationRate = z.infer<typeof ImplementationRate>;
