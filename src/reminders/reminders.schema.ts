// Request and response shapes of reminders: the digest, its deliveries, the digest preference, and
// the signed links that record progress on one key action.
import { z } from 'zod';
import { Id } from '../server/schemas.ts';

const DigestAction = z.object({
  recommendation_id: z.string(),
  action_index: z.number().describe('Position of the key action in the recommendation, from 0'),
  text: z.string(),
  owner: z.string().nullable(),
  due_on: z.string(),
  status: z.string(),
  days: z.number().describe('Days until due (due_soon) or since due (overdue)'),
  recommendation_text: z.string(),
  project_id: z.string().nullable(),
  project_title: z.string().nullable(),
});

export const Digest = z
  .object({
    organisation: z.object({ id: z.string(), name: z.string() }),
    as_of: z.string(),
    due_soon: z.array(DigestAction).describe('Open key actions due within 14 days'),
    overdue: z.array(DigestAction).describe('Open key actions past their due date'),
    stale: z
      .array(
        z.object({
          kind: z.enum(['project', 'recommendation']),
          id: z.string(),
          title: z.string(),
          updated_at: z.string(),
        }),
      )
      .describe('Open projects and recommendations not updated for 12 months'),
  })
  .meta({ id: 'Digest' });

export const OrganisationQuery = z.strictObject({ organisation: Id.describe('One of your organisations') });

export const DigestDeliveries = z.object({
  items: z.array(
    z.object({
      digest_date: z.string(),
      email: z.string(),
      status: z.string(),
      summary: z.unknown(),
      sent_at: z.string().nullable(),
    }),
  ),
});

export const DigestPreferences = z
  .strictObject({ digest_enabled: z.boolean() })
  .meta({ id: 'DigestPreferences' });

const Token = z.string().trim().min(1, 'is required: the token from the e-mail link').max(2000);

export const LinkInspect = z.strictObject({ token: Token });

export const LinkedAction = z.object({
  recommendation_id: z.string(),
  action_index: z.number(),
  recommendation_text: z.string(),
  action: z.object({
    text: z.string(),
    owner: z.string().nullable(),
    due_on: z.string().nullable(),
    status: z.string(),
  }),
  expires_at: z.string(),
});

export const ProgressParams = z.object({
  recommendation_id: Id,
  index: z.coerce.number().int().min(0).max(99),
});

export const ProgressByLink = z.strictObject({
  token: Token,
  status: z.enum(['in_progress', 'completed', 'no_longer_applicable']),
  comment: z.string().trim().min(1, 'must say what was done').max(2000),
  evidence_url: z.url({ protocol: /^https?$/, message: 'must be an http(s) link' }).optional(),
});

export const ProgressRecorded = z.object({
  recommendation_id: z.string(),
  action_index: z.number(),
  action: z.object({
    text: z.string(),
    owner: z.string().nullish(),
    due_on: z.string().nullish(),
    status: z.string(),
    completed_on: z.string().nullish(),
  }),
});
