// Fields every owned record shares, in requests and in responses.
import { z } from 'zod';
import { CountryCode, Id, ListQuery, ThemeSlug } from '../server/schemas.ts';
import { sharingInputFields, sharingResponse, sharingResponseFields } from '../sharing/sharing.schema.ts';
import type { OwnedRow } from './record-table.ts';

export const ownedCreateFields = {
  owner_org_id: Id.optional().describe('Defaults to your organisation when you write for only one'),
  ...sharingInputFields,
  visibility: sharingInputFields.visibility.describe(
    'Defaults to the owner organisation’s sharing default for records (`default_visibility`, network unless its administrators changed it)',
  ),
  project_id: Id.nullish(),
};

export const ownedUpdateFields = {
  owner_org_id: Id.optional(),
  ...sharingInputFields,
  project_id: Id.nullish(),
  version: z.number().int().positive().describe('The version you read; a stale one gets 409'),
};

export const ownedResponseFields = {
  id: Id,
  owner_org: z.object({ id: z.string(), name: z.string() }),
  ...sharingResponseFields,
  project_id: z.string().nullable(),
  version: z.number().int(),
  created_at: z.date(),
  updated_at: z.date(),
};

export const OwnedListQuery = ListQuery.extend({
  project_id: Id.optional(),
  owner_org_id: Id.optional(),
});

export function ownedResponse(row: OwnedRow & { owner_name: string }) {
  return {
    id: row.id,
    owner_org: { id: row.owner_org_id, name: row.owner_name },
    ...sharingResponse(row),
    project_id: row.project_id,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** A list of codes with no repeats (countries, themes). */
export const uniqueList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .array(item)
    .max(300)
    .refine((l) => new Set(l).size === l.length, { message: 'lists a code twice' });

export const Countries = uniqueList(CountryCode);
export const Themes = uniqueList(ThemeSlug);

/** Update schema from the create fields: everything optional and no defaults, plus owner fields. */
export function updateOf<T extends z.ZodRawShape>(fields: T) {
  return z.object(fields).partial().extend(ownedUpdateFields);
}

/** The response of a record whose columns are returned as stored. */
export function rowResponse(
  columns: Record<string, unknown>,
  row: OwnedRow & { owner_name: string } & Record<string, unknown>,
) {
  const own = Object.keys(columns).filter((k) => k !== 'project_id' && k !== 'visibility');
  return { ...ownedResponse(row), ...Object.fromEntries(own.map((k) => [k, row[k] ?? null])) };
}
