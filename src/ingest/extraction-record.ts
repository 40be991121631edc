// The extraction record: what Tacit draws from one document, in the shape PRODUCT.md names
// ("The extraction record"). Declared once as a zod schema so that the CLI, the API draft and a
// reviewer's corrections all validate against the same definition.
import { z } from 'zod';
import { EVALUATION_CRITERIA } from '../reference/scales.ts';

export const DOCUMENT_KINDS = [
  'annual_review',
  'evaluation',
  'meeting_report',
  'background_note',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const ORGANISATION_ROLES = [
  'funder',
  'lead',
  'implementer',
  'partner',
  'counterpart',
  'beneficiary',
  'evaluator',
  'chair',
  'author',
  'other',
] as const;

export const CRITERIA = EVALUATION_CRITERIA;
export type Criterion = (typeof CRITERIA)[number];

/** ISO 8601 date as precise as the text: "2015", "2015-04" or "2015-06-01". */
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const spanSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

export const periodSchema = z.object({
  start: isoDate.nullable().optional(),
  end: isoDate.nullable().optional(),
  ongoing: z.boolean().optional(),
});

export const extractedOrganisationSchema = z.object({
  name: z.string().min(1),
  acronym: z.string().optional(),
  role: z.enum(ORGANISATION_ROLES).optional(),
  /** The registry organisation this name resolved to, when a resolver was given. */
  id: z.string().optional(),
  /** True when a resolver was given and knows no such organisation: a new one to propose. */
  proposed: z.boolean().optional(),
  /** The name as the document writes it, when that differs from `name` and `acronym` ("PNUD"). */
  written: z.string().optional(),
});

/**
 * A checklist or a set of principles as the document lists it: its name (the instrument the lead-in
 * names, the heading above it, or the lead-in itself), the numbered paragraph that introduces it,
 * and each item with its number where the document gives one, its text (for "**Name:** why…"
 * items, the name) and the explanation that follows.
 */
export const itemisedListSchema = z.object({
  name: z.string(),
  paragraph: z.number().int().optional(),
  items: z.array(
    z.object({
      number: z.number().int().optional(),
      text: z.string(),
      description: z.string().optional(),
    }),
  ),
});

/** How many people an evaluation consulted or a meeting gathered, and the women and men among them. */
const attendanceSchema = z.object({
  total: z.number().int().optional(),
  female: z.number().int().optional(),
  male: z.number().int().optional(),
});

export const extractionRecordSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  language: z.string().length(2).optional(),
  title: z.string().optional(),
  project_code: z.string().optional(),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  regions: z.array(z.string()).optional(),
  period: periodSchema.optional(),
  /** The date of a note or meeting (ISO 8601, as precise as the text) and where it was held. */
  date: isoDate.optional(),
  place: z.string().optional(),
  organisations: z.array(extractedOrganisationSchema).optional(),
  people: z.array(z.object({ name: z.string().min(1), role: z.string().optional() })).optional(),
  budget: z
    .array(
      z.object({
        amount: z.number().nonnegative(),
        currency: z.string().regex(/^[A-Z]{3}$/),
        category: z.enum(['ODA', 'non-ODA']).optional(),
      }),
    )
    .optional(),
  outputs: z
    .array(
      z.object({
        number: z.number().int().optional(),
        title: z.string(),
        description: z.string().optional(),
        score: z.string().optional(),
      }),
    )
    .optional(),
  outcome: z.object({ statement: z.string().optional(), score: z.string().optional() }).optional(),
  risk_rating: z.string().optional(),
  score_history: z
    .array(z.object({ period: z.string(), score: z.string().optional(), risk: z.string().optional() }))
    .optional(),
  recommendations: z
    .array(
      z.object({
        number: z.number().int().optional(),
        text: z.string(),
        category: z.string().optional(),
        country: z.string().optional(),
      }),
    )
    .optional(),
  progress: z.array(z.object({ text: z.string(), country: z.string().optional() })).optional(),
  lessons: z
    .array(z.object({ text: z.string(), type: z.enum(['lesson', 'good_practice']).optional() }))
    .optional(),
  findings: z.array(z.object({ criterion: z.enum(CRITERIA), text: z.string() })).optional(),
  evaluation: z
    .object({
      type: z.enum(['mid_term', 'final', 'thematic', 'ex_post', 'other']).optional(),
      independent: z.boolean().optional(),
      team: z.array(z.string()).optional(),
      methods: z.array(z.string()).optional(),
      field_missions: z.array(z.string()).optional(),
      stakeholders: attendanceSchema.optional(),
    })
    .optional(),
  figures: z.array(z.object({ value: z.number(), unit: z.string() })).optional(),
  /** A meeting's attendance as its report counts it: everyone, and the women and men among them. */
  stakeholders: attendanceSchema.optional(),
  projects_mentioned: z.array(z.object({ name: z.string(), period: periodSchema.optional() })).optional(),
  instruments_mentioned: z.array(z.string()).optional(),
  checklists: z.array(itemisedListSchema).optional(),
  principles: z.array(itemisedListSchema).optional(),
  themes: z.array(z.string()).optional(),
  /**
   * For each extracted value, the span of the document text it came from, keyed by the value's
   * path in the record with dots and indices: "title", "outputs.2.score", "countries.0".
   */
  provenance: z.record(z.string(), spanSchema).optional(),
});

export type ExtractionRecord = z.infer<typeof extractionRecordSchema>;
export type ExtractedOrganisation = z.infer<typeof extractedOrganisationSchema>;
export type Period = z.infer<typeof periodSchema>;
export type ItemisedList = z.infer<typeof itemisedListSchema>;
