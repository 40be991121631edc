import { z } from 'zod';
import { Completeness, incompleteFilter } from '../quality/quality.schema.ts';
import { OwnedListQuery, ownedCreateFields, ownedResponseFields, updateOf } from '../records/owned.schema.ts';
import { CountryCode, Id, IsoDate, ThemeSlug } from '../server/schemas.ts';

export const KeyActionStatus = z.enum(['not_started', 'in_progress', 'completed', 'no_longer_applicable']);
export const ManagementResponse = z.enum(['accepted', 'partially_accepted', 'rejected']);
export const RecommendationStatus = z.enum(['open', 'in_progress', 'closed']);
/** How far a recommendation is implemented, as its responsible organisation or its owner rates it. */
export const ImplementationRating = z.enum([
  'complete',
  'high',
  'substantial',
  'moderate',
  'negligible',
  'not_rated',
]);

const KeyAction = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(5000),
  owner: z.string().trim().max(300).nullish().describe('Who carries it out'),
  due_on: IsoDate.nullish(),
  status: KeyActionStatus.default('not_started'),
  completed_on: IsoDate.nullish(),
});

const fields = {
  source_type: z.enum(['review', 'evaluation', 'meeting', 'other']),
  source_id: z.uuid().nullish(),
  number: z.number().int().positive().nullish(),
  text: z.string().trim().min(1, 'must not be empty').max(20_000),
  category: z.string().trim().max(200).nullish(),
  addressee: z.string().trim().max(300).nullish(),
  country: CountryCode.nullish(),
  issued_on: IsoDate.nullish().describe(
    'When the recommendation was made; no key action may fall due before it',
  ),
  management_response: ManagementResponse.nullish(),
  response_text: z.string().max(20_000).nullish(),
  status: RecommendationStatus,
  key_actions: z.array(KeyAction).max(100),
  status_note: z
    .string()
    .max(2000)
    .optional()
    .describe('Why the status or response changed; kept in the history'),
};

export const RecommendationCreate = z.object({
  ...ownedCreateFields,
  ...fields,
  source_type: fields.source_type.default('other'),
  status: fields.status.default('open'),
  key_actions: fields.key_actions.default([]),
});
export const RecommendationUpdate = updateOf(fields);

const OrgRef = z.object({ id: z.string(), name: z.string() });
const Rating = z.object({
  rating: ImplementationRating,
  comment: z.string().nullable(),
  org: OrgRef,
  rated_at: z.string(),
});

export const Recommendation = z
  .object({
    ...ownedResponseFields,
    completeness: Completeness,
    source_type: z.string(),
    source_id: z.string().nullable(),
    number: z.number().nullable(),
    text: z.string(),
    category: z.string().nullable(),
    addressee: z.string().nullable(),
    country: z.string().nullable(),
    issued_on: z.string().nullable(),
    management_response: z.string().nullable(),
    response_text: z.string().nullable(),
    status: RecommendationStatus,
    key_actions: z.array(
      z.object({
        text: z.string(),
        owner: z.string().nullish(),
        due_on: z.string().nullish(),
        status: z.string(),
        completed_on: z.string().nullish(),
      }),
    ),
    overdue: z.boolean().describe('A key action passed its due date while still open'),
    history: z.array(
      z.object({
        status: z.string(),
        management_response: z.string().nullable(),
        note: z.string().nullable(),
        changed_at: z.string(),
      }),
    ),
    progress: z
      .array(
        z.object({
          action_index: z.number().int(),
          reported_on: z.string(),
          from_status: z.string(),
          status: z.string(),
          comment: z.string(),
          evidence_url: z.string().nullable(),
          evidence_document_id: z.string().nullable(),
          org: OrgRef,
          via: z.string(),
          recorded_at: z.string(),
        }),
      )
      .describe('Dated progress updates on the key actions, oldest first'),
    self_rating: Rating.nullable().describe('The responsible organisation’s own rating'),
    validation_rating: Rating.nullable().describe('The owner’s validation of it'),
    ratings_disagree: z.boolean().describe('Both rated, and the two ratings differ'),
    responsible_org_ids: z
      .array(z.string())
      .describe(
        'The organisation responsible for each key action, in order: the registered organisation its owner names, else the recommendation’s owner. Its editors record progress and the self-rating.',
      ),
  })
  .meta({ id: 'Recommendation' });

/** The register's filters, shared by the list, its counts and the implementation rate. */
export const registerFilters = {
  project_id: Id.optional(),
  owner_org_id: Id.optional(),
  status: RecommendationStatus.optional(),
  management_response: ManagementResponse.optional(),
  source_type: fields.source_type.optional(),
  source_id: z.uuid().optional(),
  country: CountryCode.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  theme: ThemeSlug.optional().describe('A theme of the recommendation’s project'),
  organisation_id: Id.optional().describe('Owned by it, or it is responsible for one of the key actions'),
  due_from: IsoDate.optional().describe('An open key action falls due on or after this day'),
  due_to: IsoDate.optional().describe('An open key action falls due on or before this day'),
};

/** A due period ends on or after its start. */
export const dueOrder: [
  (q: { due_from?: string | undefined; due_to?: string | undefined }) => boolean,
  { path: string[]; message: string },
] = [
  (q) => !q.due_from || !q.due_to || q.due_from <= q.due_to,
  { path: ['due_to'], message: 'is before due_from: the due period must end on or after its start' },
];

export const RecommendationListQuery = OwnedListQuery.extend({
  ...registerFilters,
  ...incompleteFilter,
}).refine(...dueOrder);
