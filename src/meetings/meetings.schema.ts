import { z } from 'zod';
import { Completeness, incompleteFilter } from '../quality/quality.schema.ts';
import {
  Countries,
  OwnedListQuery,
  ownedCreateFields,
  ownedResponseFields,
  Themes,
  updateOf,
} from '../records/owned.schema.ts';
import { CountryCode, IsoDate, PartialDate, ThemeSlug } from '../server/schemas.ts';

const MeetingOrganisation = z
  .object({
    org_id: z.uuid().optional(),
    name: z.string().trim().min(1).max(300).optional(),
    role: z
      .enum(['chair', 'organiser', 'funder', 'implementer', 'partner', 'participant', 'other'])
      .default('participant'),
  })
  .refine((o) => o.org_id || o.name, { message: 'needs org_id or name' });

const fields = {
  title: z.string().trim().min(1, 'must not be empty').max(1000),
  held_on: IsoDate.nullish(),
  place: z.string().trim().max(300).nullish(),
  summary: z.string().max(100_000).nullish(),
  countries: Countries,
  regions: z.array(z.string().trim().min(1).max(200)).max(50),
  themes: Themes,
  organisations: z.array(MeetingOrganisation).max(200),
  people: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(300),
        role: z.string().trim().max(300).nullish(),
        organisation: z.string().max(300).nullish(),
      }),
    )
    .max(500),
  figures: z
    .array(z.object({ value: z.number().finite(), unit: z.string().trim().min(1).max(300) }))
    .max(200),
  projects_mentioned: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(300),
        project_id: z.uuid().nullish(),
        period: z.object({ start: PartialDate.nullish(), end: PartialDate.nullish() }).nullish(),
      }),
    )
    .max(100),
  instruments_mentioned: z.array(z.string().trim().min(1).max(300)).max(100),
  document_id: z.uuid().nullish(),
};

export const MeetingCreate = z.object({
  ...ownedCreateFields,
  ...fields,
  countries: fields.countries.default([]),
  regions: fields.regions.default([]),
  themes: fields.themes.default([]),
  organisations: fields.organisations.default([]),
  people: fields.people.default([]),
  figures: fields.figures.default([]),
  projects_mentioned: fields.projects_mentioned.default([]),
  instruments_mentioned: fields.instruments_mentioned.default([]),
});
export const MeetingUpdate = updateOf(fields);

export const Meeting = z
  .object({
    ...ownedResponseFields,
    completeness: Completeness,
    title: z.string(),
    held_on: z.string().nullable(),
    place: z.string().nullable(),
    summary: z.string().nullable(),
    countries: z.array(z.string()),
    regions: z.array(z.string()),
    themes: z.array(z.string()),
    organisations: z.array(z.object({ org_id: z.string().nullable(), name: z.string(), role: z.string() })),
    people: z
      .array(z.object({ name: z.string(), role: z.string().nullish(), organisation: z.string().nullish() }))
      .nullable()
      .describe('null when withheld from you (see withheld_fields)'),
    figures: z.array(z.object({ value: z.number(), unit: z.string() })),
    projects_mentioned: z.array(z.record(z.string(), z.unknown())),
    instruments_mentioned: z.array(z.string()),
    document_id: z.string().nullable(),
  })
  .meta({ id: 'Meeting' });

export const MeetingListQuery = OwnedListQuery.extend({
  ...incompleteFilter,
  country: CountryCode.optional(),
  theme: ThemeSlug.optional(),
  organisation: z.uuid().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
