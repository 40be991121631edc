import { z } from 'zod';
import {
  Countries,
  OwnedListQuery,
  ownedCreateFields,
  ownedResponseFields,
  Themes,
  updateOf,
} from '../records/owned.schema.ts';
import { CountryCode, ThemeSlug } from '../server/schemas.ts';

const fields = {
  type: z.enum(['lesson', 'good_practice']),
  text: z.string().trim().min(1, 'must not be empty').max(20_000),
  themes: Themes,
  countries: Countries,
  source_type: z.enum(['review', 'evaluation', 'meeting', 'other']),
  source_id: z.uuid().nullish(),
};

export const LessonCreate = z.object({
  ...ownedCreateFields,
  ...fields,
  type: fields.type.default('lesson'),
  themes: fields.themes.default([]),
  countries: fields.countries.default([]),
  source_type: fields.source_type.default('other'),
});
export const LessonUpdate = updateOf(fields);

export const Lesson = z
  .object({
    ...ownedResponseFields,
    type: z.string(),
    text: z.string(),
    themes: z.array(z.string()),
    countries: z.array(z.string()),
    source_type: z.string(),
    source_id: z.string().nullable(),
  })
  .meta({ id: 'Lesson' });

export const LessonListQuery = OwnedListQuery.extend({
  type: fields.type.optional(),
  theme: ThemeSlug.optional(),
  country: CountryCode.optional(),
  source_type: fields.source_type.optional(),
  source_id: z.uuid().optional(),
});
