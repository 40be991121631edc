// Request and reply of POST /documents/{id}/confirm, and of GET /documents/{id}/extraction.
import { z } from 'zod';
import { extractionRecordSchema } from '../ingest/extraction-record.ts';
import { OrganisationType } from '../organisations/organisations.schema.ts';
import { CountryCode, Id, Version, Visibility } from '../server/schemas.ts';
import { DocumentSummary } from './documents.schema.ts';
import { Draft } from './draft.ts';

const OrgName = z.string().trim().min(1).max(300);

/** What to do with one organisation of the record (matched by name or acronym). */
export const OrganisationDecision = z.discriminatedUnion('action', [
  z.object({
    name: OrgName,
    acronym: z.string().trim().max(30).optional(),
    action: z.literal('match').describe('It is this registered organisation'),
    org_id: Id,
  }),
  z.object({
    name: OrgName,
    acronym: z.string().trim().min(1).max(30).optional(),
    action: z.literal('create').describe('Register it (a proposed organisation the user accepts)'),
    type: OrganisationType.default('other'),
    country: CountryCode.optional(),
  }),
  z.object({
    name: OrgName,
    acronym: z.string().trim().max(30).optional(),
    action: z.literal('skip').describe('Leave it out of the records'),
  }),
]);
export type OrganisationDecision = z.infer<typeof OrganisationDecision>;

export const ConfirmBody = z.object({
  record: extractionRecordSchema.describe('The draft record as the user corrected it'),
  project_id: Id.optional().describe('Update this project instead of creating one'),
  organisations: z
    .array(OrganisationDecision)
    .max(200)
    .default([])
    .describe(
      'Decisions for organisations of the record. Without one, a matched organisation (id) is used and a proposed one is left out.',
    ),
  visibility: Visibility.optional().describe(
    'Of the records created; defaults to the owner organisation’s sharing default for records, narrowed to the document’s own visibility when that is narrower',
  ),
  version: Version.describe('The document version you read'),
});
export type ConfirmBody = z.infer<typeof ConfirmBody>;

/** A list of a confirmed record that a network administrator may make an instrument of. */
const ListOffer = z.object({
  list: z.enum(['checklists', 'principles']),
  index: z.number().int(),
  name: z.string(),
  items: z.number().int(),
});
export type ListOffer = z.infer<typeof ListOffer>;

/** The offer as the document page shows it again: with the instrument made of the list, once made. */
export const InstrumentOffer = ListOffer.extend({
  instrument: z
    .object({ key: z.string(), draft: z.boolean() })
    .nullable()
    .describe(
      'The instrument drafted from this list (published since when draft is false); null until one is',
    ),
}).meta({ id: 'InstrumentOffer' });
export type InstrumentOffer = z.infer<typeof InstrumentOffer>;

export const Confirmation = z
  .object({
    confirmed_at: z.string(),
    project: z.object({ id: z.string(), action: z.enum(['created', 'updated']) }).nullable(),
    created: z.object({
      organisations: z.array(z.string()),
      reviews: z.array(z.string()),
      evaluations: z.array(z.string()),
      recommendations: z.array(z.string()),
      lessons: z.array(z.string()),
      meetings: z.array(z.string()),
    }),
    updated: z.object({ reviews: z.array(z.string()), evaluations: z.array(z.string()) }),
    organisations_left_out: z
      .array(z.string())
      .describe('Proposed organisations nobody accepted, and those skipped'),
    instrument_offers: z
      .array(ListOffer)
      .optional()
      .describe(
        'To a network administrator: each checklist or set of principles the record lists, which POST /instruments/from-document turns into a draft instrument',
      ),
  })
  .meta({ id: 'Confirmation' });
export type Confirmation = z.infer<typeof Confirmation>;

export const ConfirmReply = z.object({ document: DocumentSummary, confirmation: Confirmation });

export const DocumentExtraction = z
  .object({
    document_id: z.string(),
    status: DocumentSummary.shape.status,
    version: z.number().int(),
    draft: Draft.nullable(),
    confirmed_record: Draft.shape.record
      .nullable()
      .describe('The record as it was confirmed, corrections included; null until confirmation'),
    confirmation: Confirmation.nullable(),
    instrument_offers: z
      .array(InstrumentOffer)
      .describe(
        'To a network administrator, once the document is confirmed: the lists it offers as instruments, each with the instrument made of it; empty to anyone else',
      ),
    organisation_suggestions: z
      .array(
        z.object({
          index: z.number().int().describe('Position in draft.record.organisations'),
          candidates: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              acronym: z.string().nullable(),
              reason: z.enum([
                'same_iati_ref',
                'acronym_of',
                'same_name_in_language',
                'same_name',
                'similar_spelling',
              ]),
              score: z.number().describe('1 the same organisation beyond doubt; lower for weaker reasons'),
            }),
          ),
        }),
      )
      .describe(
        'For each proposed organisation of the draft the registry did not match: the closest registered organisations (same name or alias, acronym, the same body in another language, similar spelling), strongest first. Empty once confirmed.',
      ),
  })
  .meta({ id: 'DocumentExtraction' });

export const UploadReply = DocumentSummary.extend({
  duplicate: z.boolean().describe('The same file was stored before: this is that document'),
  draft: Draft.nullable().describe('Null when extraction failed (status failed)'),
});
