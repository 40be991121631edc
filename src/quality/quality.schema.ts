// Request and response shapes of record completeness and the data-quality page, declared once.
import { z } from 'zod';
import { Id } from '../server/schemas.ts';
import { ELEMENT_GROUPS } from './elements.ts';

export const Completeness = z
  .object({
    score: z.number().int().min(0).max(100).describe('Share of the elements’ weight the record has, in %'),
    incomplete: z.boolean().describe('A core element is missing'),
    missing: z.array(z.object({ key: z.string(), group: z.enum(ELEMENT_GROUPS), weight: z.number() })),
    withheld: z
      .array(z.string())
      .describe('Elements drawn from a field withheld from you: counted neither as present nor as missing'),
  })
  .describe('How complete the record is (elements and weights: GET /api/v1/quality/elements)')
  .meta({ id: 'Completeness' });

/** The list filter of the other scored kinds (meetings, reviews, evaluations, recommendations). */
export const incompleteFilter = {
  incomplete: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only records missing a core element; false: only those that have them all'),
};

/** The project list's completeness filters. */
export const completenessFilters = {
  incomplete: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only projects missing a core element; false: only those that have them all'),
  completeness_below: z.coerce
    .number()
    .int()
    .min(1)
    .max(101)
    .optional()
    .describe('Only projects whose completeness score is below this percentage'),
};

const ElementList = z.array(
  z.object({
    key: z.string(),
    group: z.enum(ELEMENT_GROUPS),
    weight: z.number(),
    field: z.string().nullable().describe('The restrictable field it is drawn from'),
  }),
);

export const CompletenessElements = z.object({
  project: ElementList,
  meeting: ElementList,
  review: ElementList,
  evaluation: ElementList,
  recommendation: ElementList,
  explained: z.record(z.string(), z.string()).describe('Why each kind’s elements are the ones they are'),
});

const MissingCounts = z
  .array(z.object({ key: z.string(), group: z.enum(ELEMENT_GROUPS), count: z.number().int() }))
  .describe('How many of its records miss each element, most often missed first');

/** One kind of owned record on the data-quality page. */
const KindQuality = z.object({
  kind: z.enum(['meeting', 'review', 'evaluation', 'recommendation']),
  total: z.number().int().describe('Records of this kind it owns that you may see'),
  average: z.number().int().nullable(),
  incomplete: z.number().int(),
  missing: MissingCounts,
});

const RecordRef = z.object({ id: Id, title: z.string() });

export const OrganisationQuality = z
  .object({
    organisation: z.object({ id: Id, name: z.string() }),
    projects: z.object({
      total: z.number().int().describe('Projects it owns that you may see'),
      average: z.number().int().nullable(),
      incomplete: z.number().int(),
      distribution: z.array(
        z.object({ from: z.number().int(), to: z.number().int(), count: z.number().int() }),
      ),
      missing: MissingCounts,
      least_complete: z.array(RecordRef.extend({ score: z.number().int(), missing: z.array(z.string()) })),
    }),
    records: z
      .array(KindQuality)
      .describe('The completeness of its meetings, reviews, evaluations and recommendations'),
    stale: z
      .object({
        months: z.number().int(),
        total: z.number().int(),
        items: z.array(RecordRef.extend({ status: z.string(), updated_at: z.date() })),
      })
      .describe('Projects not closed or cancelled that nobody has updated for this many months'),
    unresolved_organisations: z
      .array(z.object({ name: z.string(), documents: z.array(RecordRef) }))
      .describe('Names in its documents that no registered organisation was matched to'),
  })
  .meta({ id: 'OrganisationQuality' });
export type OrganisationQuality = z.infer<typeof OrganisationQuality>;
