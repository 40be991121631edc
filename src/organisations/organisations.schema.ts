import { z } from 'zod';
import { CountryCode, Id, ListQuery, Version, Visibility } from '../server/schemas.ts';

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
    default_visibility: Visibility.describe(
      'Sharing default: the visibility of a new project or record of this organisation when none is given',
    ),
    default_document_visibility: Visibility.describe(
      'Sharing default: the visibility of a document this organisation uploads when none is given',
    ),
    version: z.number().int(),
    created_at: z.date(),
    updated_at: z.date(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

const Name = z.string().trim().min(1, 'must not be empty').max(300);

const fields = {
  name: Name,
  acronym: z.string().trim().min(1).max(30).nullish(),
  aliases: z.array(z.string().trim().min(1).max(300)).max(50),
  type: OrganisationType,
  country: CountryCode.nullish(),
  parent_id: Id.nullish(),
  iati_ref: z.string().trim().min(1).max(100).nullish(),
  website: z.url().nullish(),
};

export const OrganisationCreate = z.object({
  ...fields,
  aliases: fields.aliases.default([]),
  type: fields.type.default('other'),
});
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;

const SharingDefault = z.enum(Visibility.options, { message: 'must be one of public, network or owner' });

/** The organisation's sharing defaults: only its administrators change them. */
export const SharingDefaults = {
  default_visibility: SharingDefault.optional().describe(
    'Visibility of new projects and records when the writer gives none (administrators only)',
  ),
  default_document_visibility: SharingDefault.optional().describe(
    'Visibility of new uploaded documents when the uploader gives none (administrators only)',
  ),
};

/** Fields left out stay as they are (no defaults here: a change of acronym must not reset the aliases). */
export const OrganisationUpdate = z
  .object(fields)
  .partial()
  .extend({
    ...SharingDefaults,
    version: Version,
  });
export type OrganisationUpdate = z.infer<typeof OrganisationUpdate>;

export const OrganisationListQuery = ListQuery.extend({
  q: z.string().trim().min(1).optional().describe('Matches name, acronym or alias'),
  type: OrganisationType.optional(),
  country: CountryCode.optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

// Strict: an unknown parameter is refused, never ignored.
export const DuplicateCandidatesQuery = z.strictObject({
  organisation: Id.optional().describe('Only the candidates of this organisation'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const Named = z.object({ id: z.string(), name: z.string() });

export const DuplicateCandidates = z.object({
  items: z.array(
    z.object({
      a: Named,
      b: Named,
      score: z.number().describe('1 the same IATI ref; lower for weaker reasons'),
      reasons: z.array(
        z
          .object({
            kind: z.enum([
              'same_iati_ref',
              'acronym_of',
              'same_name_in_language',
              'same_name',
              'similar_spelling',
            ]),
            text: z
              .string()
              .describe('The reason in words: "same IATI ref XM-DAC-41114", "same name in French (…)"'),
          })
          .loose(),
      ),
    }),
  ),
});
