// Requests and replies of recurring lessons and recommendations.
import { z } from 'zod';
import { CountryCode, Id, ThemeSlug } from '../server/schemas.ts';

const common = {
  theme: ThemeSlug.optional(),
  country: CountryCode.optional(),
  project_id: Id.optional(),
  owner_org_id: Id.optional(),
  source_type: z.enum(['review', 'evaluation', 'meeting', 'other']).optional(),
  min_projects: z.coerce
    .number()
    .int()
    .min(2)
    .max(50)
    .default(2)
    .describe('Groups drawn from at least this many projects'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Most groups to return'),
};

export const RecurringLessonsQuery = z.object({
  ...common,
  type: z.enum(['lesson', 'good_practice']).optional(),
});
export const RecurringRecommendationsQuery = z.object({
  ...common,
  status: z.enum(['open', 'in_progress', 'closed']).optional(),
});

const Tie = z.object({
  key: z.string(),
  projects: z.number().int().describe('Projects of the group that share it'),
});
const Label = z.object({ en: z.string(), es: z.string(), fr: z.string() });

export const RecurringGroups = z
  .object({
    kind: z.enum(['lesson', 'recommendation']),
    items_considered: z.number().int().describe('Items you may see that the filters kept'),
    truncated: z
      .boolean()
      .describe('Only the most recent items were compared; narrow the filters to compare all'),
    groups: z.array(
      z.object({
        label: Label.describe('Generated from the concepts, else the words, that tie the group'),
        projects: z.number().int(),
        ties: z.object({
          concepts: z.array(Tie.extend({ label: Label })),
          words: z.array(Tie.extend({ word: z.string() })),
          themes: z.array(Tie),
        }),
        sources: z.array(
          z.object({
            id: z.string(),
            text: z.string(),
            project: z.object({ id: z.string(), title: z.string() }).nullable(),
            source_type: z.string(),
            source_id: z.string().nullable(),
            owner_org: z.object({ id: z.string(), name: z.string() }),
            concepts: z.array(z.string()),
            themes: z.array(z.string()),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'RecurringGroups' });
export type RecurringGroups = z.infer<typeof RecurringGroups>;
