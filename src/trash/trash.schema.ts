// The deleted records of an organisation: the list's filters, an item, and a restore's answer.
import { z } from 'zod';
import { OWNED_KINDS, type OwnedKind } from '../records/owned-tables.ts';
import { csv, Id } from '../server/schemas.ts';

/** The kinds of record that are deleted softly, restorable for a while, then purged: every owned kind. */
export const TRASH_TYPES = OWNED_KINDS;
export type TrashKind = OwnedKind;

export const TrashKindSchema = z.enum(TRASH_TYPES).describe('The kind of record');

export const TrashQuery = z.object({
  org_id: Id.optional().describe(
    'Only this organisation’s deleted records (default: every one you edit for)',
  ),
  type: csv(TrashKindSchema).optional().describe('Only these kinds, e.g. project,document'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const TrashParams = z.object({ type: TrashKindSchema, id: Id });

export const DeletedRecord = z.object({
  type: TrashKindSchema,
  id: z.string(),
  label: z.string().nullable().describe('Its title, or the start of its text'),
  owner_org: z.object({ id: z.string(), name: z.string() }),
  visibility: z.string().describe('Who could see it before it was deleted; a restore puts it back'),
  deleted_at: z.date(),
  deleted_by: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  restorable_until: z.date().describe('After this the daily purge deletes it for good'),
});

export const TrashPage = z.object({
  items: z.array(DeletedRecord),
  restore_days: z.number().int().describe('How many days a deleted record can be restored'),
});

export const Restored = z.object({ type: TrashKindSchema, id: z.string(), label: z.string().nullable() });
