// Request and response shapes of /api/v1/instruments.
import { z } from 'zod';
import { Id } from '../server/schemas.ts';
import {
  AnyLanguage,
  InstrumentKey,
  Localised,
  StoredDefinition,
  SUBJECT_TYPES,
} from './definition.schema.ts';
import { SCALE_IDS } from './scales.ts';

export const InstrumentKeyParams = z.strictObject({ key: InstrumentKey });

export const InstrumentListQuery = z.strictObject({
  include_retired: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Also list retired instruments'),
});

export const VersionQuery = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('A past version; the current one by default'),
});

export const ExportQuery = VersionQuery.extend({
  format: z.enum(['json', 'xlsform']).default('json').describe('json, or xlsform (.xlsx)'),
});

export const InstrumentFromDocument = z.strictObject({
  document_id: Id,
  list: z.enum(['checklists', 'principles']).describe('Which of the confirmed record’s itemised lists'),
  index: z.number().int().min(0).max(50).default(0).describe('Which list of that kind, from 0'),
  key: InstrumentKey.optional().describe('Defaults to one made from the list’s name'),
});
export type InstrumentFromDocument = z.infer<typeof InstrumentFromDocument>;

export const InstrumentSummary = z
  .object({
    key: z.string(),
    version: z.number().int(),
    built_in: z.boolean(),
    retired_at: z.date().nullable(),
    draft: z.boolean().describe('Drawn from a document and not published yet (network administrators only)'),
    title: AnyLanguage(300),
    description: AnyLanguage().nullable(),
    subjects: z.array(z.enum(SUBJECT_TYPES)),
    areas: z.number().int(),
    questions: z.number().int(),
    updated_at: z.date(),
  })
  .meta({ id: 'InstrumentSummary' });

const ScaleDescription = z.object({
  id: z.enum(SCALE_IDS),
  label: Localised(),
  values: z.array(z.object({ name: z.string(), points: z.number().nullable(), label: Localised() })),
});

export const Instrument = z
  .object({
    key: z.string(),
    version: z.number().int(),
    current_version: z.number().int(),
    versions: z.array(
      z.object({ version: z.number().int(), created_at: z.date(), created_by: z.string().nullable() }),
    ),
    built_in: z.boolean(),
    retired_at: z.date().nullable(),
    draft: z.boolean().describe('Drawn from a document and not published yet (network administrators only)'),
    source_document_id: z.string().nullable().describe('The document it was drawn from'),
    definition: StoredDefinition,
    scales: z.array(ScaleDescription).describe('The scales the questions use, with their values and labels'),
  })
  .meta({ id: 'Instrument' });
export type Instrument = z.infer<typeof Instrument>;

export const InstrumentWritten = Instrument.extend({
  created: z.boolean().describe('true: a new instrument; false: a new version of an existing one'),
});
