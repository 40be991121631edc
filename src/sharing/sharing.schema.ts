// The sharing fields every record kind takes and answers with: visibility (public, network,
// shared with named organisations, owner) and an embargo day after which it becomes public.
import { z } from 'zod';
import { Id, IsoDate, RecordVisibility } from '../server/schemas.ts';

const SharedWith = z
  .array(Id)
  .max(100)
  .refine((l) => new Set(l).size === l.length, { message: 'names an organisation twice' })
  .describe(
    "Ids of the organisations that may see the record when visibility is 'shared' (besides the owner); required then, refused otherwise",
  );

const EmbargoUntil = IsoDate.nullable().describe(
  'The day the record becomes public by itself (a future date; not with visibility public). null lifts the embargo without publishing.',
);

const FieldVisibility = z
  .record(z.string(), z.enum(['network', 'owner'], { message: "must be 'network' or 'owner'" }))
  .describe(
    "Sensitive fields seen by fewer readers than the record: { field: 'network' | 'owner' }. Which fields may be named depends on the kind (a project's budget, a meeting's people, a review's narrative, a document's file and text). A reader who may not see a field gets it as null and named in withheld_fields.",
  );

/** Request fields: all optional; the service checks them together (sharing.service.ts). */
export const sharingInputFields = {
  visibility: RecordVisibility.optional(),
  shared_with: SharedWith.optional(),
  embargo_until: EmbargoUntil.optional(),
  field_visibility: FieldVisibility.optional(),
};

export const sharingResponseFields = {
  visibility: RecordVisibility,
  shared_with: z
    .array(z.string())
    .nullable()
    .describe(
      "The organisations a 'shared' record is shared with, empty otherwise: the owner's to know (null and withheld for other readers)",
    ),
  embargo_until: z.string().nullable().describe('The day the record becomes public by itself, if embargoed'),
  field_visibility: z
    .record(z.string(), z.string())
    .describe('Fields restricted beyond the record, and to whom'),
  withheld_fields: z
    .array(z.string())
    .describe('Fields you may not see: each is null in this answer (a file is not served), not missing'),
};

/** The sharing columns as an owned table stores them (migrations 111 and 112). */
export interface SharingColumns {
  visibility: z.infer<typeof RecordVisibility>;
  shared_with: string[];
  embargo_until: string | null;
  field_visibility: Record<string, string>;
}

export interface SharingRow {
  visibility: string;
  shared_with?: string[] | null;
  embargo_until?: string | Date | null;
  field_visibility?: Record<string, string> | null;
}

/** The response fields from a stored row. */
export function sharingResponse(row: SharingRow) {
  const embargo = row.embargo_until;
  return {
    visibility: row.visibility as z.infer<typeof RecordVisibility>,
    shared_with: row.shared_with ?? [],
    embargo_until: embargo instanceof Date ? embargo.toISOString().slice(0, 10) : (embargo ?? null),
    field_visibility: row.field_visibility ?? {},
    withheld_fields: [] as string[],
  };
}

/** A response with the withheld fields set to null and named, for a reader who may not see them. */
export function withhold<T extends { withheld_fields: string[] }>(response: T, withheld: string[]): T {
  if (!withheld.length) return response;
  const out: Record<string, unknown> = { ...response, withheld_fields: withheld };
  for (const field of withheld) if (field in out) out[field] = null;
  return out as T;
}
