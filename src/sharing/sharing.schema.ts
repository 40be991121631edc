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

/** Request fields: all optional; the service checks them together (sharing.service.ts). */
export const sharingInputFields = {
  visibility: RecordVisibility.optional(),
  shared_with: SharedWith.optional(),
  embargo_until: EmbargoUntil.optional(),
};

export const sharingResponseFields = {
  visibility: RecordVisibility,
  shared_with: z
    .array(z.string())
    .describe("The organisations a 'shared' record is shared with; empty otherwise"),
  embargo_until: z.string().nullable().describe('The day the record becomes public by itself, if embargoed'),
};

export interface SharingRow {
  visibility: string;
  shared_with?: string[] | null;
  embargo_until?: string | Date | null;
}

/** The response fields from a stored row. */
export function sharingResponse(row: SharingRow) {
  const embargo = row.embargo_until;
  return {
    visibility: row.visibility as z.infer<typeof RecordVisibility>,
    shared_with: row.shared_with ?? [],
    embargo_until: embargo instanceof Date ? embargo.toISOString().slice(0, 10) : (embargo ?? null),
  };
}
