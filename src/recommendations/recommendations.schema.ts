import { z } from 'zod';
import { OwnedListQuery, ownedCreateFields, ownedResponseFields, updateOf } from '../records/owned.schema.ts';
import { CountryCode, IsoDate } from '../server/schemas.ts';

export const KeyActionStatus = z.enum(['not_started', 'in_progress', 'completed', 'no_longer_applicable']);
export const ManagementResponse = z.enum(['accepted', 'partially_accepted', 'rejected']);
export const RecommendationStatus = z.enum(['open', 'in_progress', 'closed']);

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

export const Recommendation = z
  .object({
    ...ownedResponseFields,
    source_type: z.string(),
    source_id: z.string().nullable(),
    number: z.number().nullable(),
    text: z.string(),
    category: z.string().nullable(),
    addressee: z.string().nullable(),
    country: z.string().nullable(),
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
  })
  .meta({ id: 'Recommendation' });

export const RecommendationListQuery = OwnedListQuery.extend({
  status: RecommendationStatus.optional(),
  management_response: ManagementResponse.optional(),
  source_type: fields.source_type.optional(),
  source_id: z.uuid().optional(),
  country: CountryCode.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
