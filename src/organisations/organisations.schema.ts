import { z } from 'zod';
import { CountryCode, Id, ListQuery, Version } from '../server/schemas.ts';

export const OrganisationType = z.enum([
  'donor_government',
  'multilateral',
  'ngo',
  'recipient_institution',
  'research',
  'private_sector',
  'other',
]);

export const Organisation = z
  .object({
    id: Id,
    name: z.string(),
    acronym: z.string().nullable(),
    aliases: z.array(z.string()),
    type: OrganisationType,
    country: z.string().nullable(),
    parent_id: z.string().nullable(),
    iati_ref: z.string().nullable(),
    website: z.string().nullable(),
    version: z.number().int(),
    created_at: z.date(),
    updated_at: z.date(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

const Name = z.string().trim().min(1, 'must not be empty').max(300);

export const OrganisationCreate = z.object({
  name: Name,
  acronym: z.string().trim().min(1).max(30).nullish(),
  aliases: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
  type: OrganisationType.default('other'),
  country: CountryCode.nullish(),
  parent_id: Id.nullish(),
  iati_ref: z.string().trim().min(1).max(100).nullish(),
  website: z.url().nullish(),
});
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;

export const OrganisationUpdate = OrganisationCreate.partial().extend({ version: Version });
export type OrganisationUpdate = z.infer<typeof OrganisationUpdate>;

export const OrganisationListQuery = ListQuery.extend({
  q: z.string().trim().min(1).optional().describe('Matches name, acronym or alias'),
  type: OrganisationType.optional(),
  country: CountryCode.optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;
