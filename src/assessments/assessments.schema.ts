// Request and response shapes of /api/v1/assessments.
import { z } from 'zod';
import { InstrumentKey, Localised } from '../instruments/definition.schema.ts';
import { CountryCode, csv, Id, RecordVisibility } from '../server/schemas.ts';
import { sharingInputFields, sharingResponseFields } from '../sharing/sharing.schema.ts';

export const Subject = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('project'), id: Id }),
  z.strictObject({ type: z.literal('organisation'), id: Id }),
  z.strictObject({ type: z.literal('country'), code: CountryCode }),
]);

export const AssessmentCreate = z.strictObject({
  instrument: InstrumentKey,
  instrument_version: z.number().int().positive().optional().describe('Defaults to the current version'),
  subject: Subject,
  title: z.string().trim().min(1).max(300).optional(),
  owner_org_id: Id.optional().describe('Defaults to your organisation when you write for only one'),
  // The sharing fields every record kind takes, but field_visibility: an assessment has no field
  // restricted beyond the record.
  visibility: RecordVisibility.default('owner').describe(
    "Owner-only unless you share it: 'shared' opens it to the organisations in shared_with",
  ),
  shared_with: sharingInputFields.shared_with,
  embargo_until: sharingInputFields.embargo_until,
});
export type AssessmentCreate = z.infer<typeof AssessmentCreate>;

export const AssessmentUpdate = z.strictObject({
  title: AssessmentCreate.shape.title,
  visibility: sharingInputFields.visibility,
  shared_with: sharingInputFields.shared_with,
  embargo_until: sharingInputFields.embargo_until,
  version: z.number().int().positive().describe('The version you read; a stale one gets 409'),
});
export type AssessmentUpdate = z.infer<typeof AssessmentUpdate>;

const EvidenceLink = z.union([
  z.strictObject({ url: z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }) }),
  z.strictObject({
    record: z.enum(['project', 'document', 'review', 'evaluation', 'recommendation', 'lesson', 'meeting']),
    id: Id,
  }),
]);

export const Evidence = z.strictObject({
  text: z.string().trim().max(10_000).optional(),
  links: z.array(EvidenceLink).max(20).default([]),
});

export const SheetBody = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        question: z.string().min(1).max(64),
        value: z.string().trim().min(1, 'must not be empty').max(10_000),
        evidence: Evidence.optional(),
      }),
    )
    .max(500),
});
export type SheetBody = z.infer<typeof SheetBody>;

export const AssessmentListQuery = z.strictObject({
  instrument: InstrumentKey.optional(),
  project_id: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ResultsQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });

export const CompareQuery = z.strictObject({
  ids: csv(Id).refine((ids) => ids.length >= 2 && ids.length <= 20, 'give 2 to 20 assessment ids'),
  format: z.enum(['json', 'csv']).default('json'),
});

/** The sharing fields of a reply, as every record kind's (no field_visibility: see AssessmentCreate). */
const { field_visibility: _fieldVisibility, ...sharingOfAssessment } = sharingResponseFields;

const Score = z.object({
  question_id: z.string(),
  value: z.string(),
  evidence: z.object({ text: z.string().nullable(), links: z.array(z.record(z.string(), z.string())) }),
});

const AreaResult = z.object({
  area_id: z.string(),
  score: z.number().nullable(),
  rating: z.string().nullable(),
  scored_questions: z.number(),
  answered_questions: z.number(),
  note: z.string().nullable(),
});
export const SheetResult = z.object({
  areas: z.array(AreaResult),
  overall: z.number().nullable(),
  weakest_areas: z.array(z.string()),
});

export const Assessment = z
  .object({
    id: z.string(),
    owner_org: z.object({ id: z.string(), name: z.string() }),
    ...sharingOfAssessment,
    instrument: z.object({ key: z.string(), version: z.number().int() }),
    subject: z.object({
      type: z.enum(['project', 'organisation', 'country']),
      id: z.string().nullable().describe('null when the project is one you may not see'),
      name: z.string().nullable(),
    }),
    title: z.string().nullable(),
    version: z.number().int(),
    created_at: z.date(),
    updated_at: z.date(),
    assessors: z.array(
      z.object({
        assessor: z.object({ id: z.string(), name: z.string().nullable() }),
        scores: z.array(Score),
        results: SheetResult,
      }),
    ),
    side_by_side: z.array(
      z.object({
        question_id: z.string(),
        values: z.array(z.object({ assessor_id: z.string(), value: z.string() })),
        spread: z
          .number()
          .nullable()
          .describe('Highest minus lowest score on 0..1; null when fewer than two scored'),
        agreed: z.string().nullable(),
      }),
    ),
    agreed: z.object({ scores: z.array(Score), results: SheetResult }).nullable(),
  })
  .meta({ id: 'Assessment' });
export type Assessment = z.infer<typeof Assessment>;

export const Comparison = z
  .object({
    instrument: z.object({ key: z.string(), version: z.number().int() }),
    areas: z.array(z.object({ id: z.string(), title: Localised(300) })),
    assessments: z.array(
      z.object({
        id: z.string(),
        title: z.string().nullable(),
        subject: Assessment.shape.subject,
        updated_at: z.date(),
        results: SheetResult.nullable().describe('The agreed result; null until one is agreed'),
      }),
    ),
  })
  .meta({ id: 'AssessmentComparison' });

export const AssessmentSummary = z.object({
  id: z.string(),
  owner_org: z.object({ id: z.string(), name: z.string() }),
  ...sharingOfAssessment,
  instrument: z.object({ key: z.string(), version: z.number().int() }),
  subject: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  title: z.string().nullable(),
  updated_at: z.date(),
});

export const PREFILL_MESSAGES = [
  'overlaps_none',
  'overlaps_found',
  'monitoring',
  'civil_society_none',
  'civil_society_found',
  'timetable_overran',
  'timetable_low_scores',
  'timetable_on_track',
] as const;

export const Prefill = z.object({
  items: z.array(
    z.object({
      question_id: z.string(),
      value: z.string(),
      source: z.enum(['overlaps', 'monitoring', 'civil_society', 'timetable']),
      message: z
        .object({
          key: z.enum(PREFILL_MESSAGES),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
        })
        .describe('The finding as a message key and its values, to say it in another language'),
      evidence: z.object({
        text: z.string(),
        links: z.array(z.object({ record: z.string(), id: z.string() })),
      }),
    }),
  ),
});
export type Prefill = z.infer<typeof Prefill>;
