// What every undo of a merge shares: it runs once, only while the record that stayed is as the merge
// left it (a later change would be lost), puts the moved rows back in reverse order, and is audited.
import type { Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Queryable } from '../db/client.ts';
import { errors } from '../server/errors.ts';
import { type MergeRow, mergesRepository as merges, toMergeResult } from './merges.repository.ts';
import {
  type Reference,
  type ReferenceChange,
  rowChangesRepository as rows,
} from './row-changes.repository.ts';

export function assertUndoable(
  merge: MergeRow,
  target: { version: number } | undefined,
  versionAfterMerge: number,
  gone: string,
): asserts target is { version: number } {
  if (merge.undone_at) throw errors.conflict('already_undone', 'This merge has already been undone.');
  if (!target) throw errors.conflict('target_gone', gone);
  if (target.version !== versionAfterMerge)
    throw errors.conflict(
      'changed_since_merge',
      `${merge.target_name} was changed after the merge; undoing it would lose that change. Undo that change first.`,
    );
}

/** Puts back every reference the merge moved, the last moved first. */
export async function restoreReferences(
  tx: Queryable,
  references: Reference[],
  changes: ReferenceChange[],
  movedTo: string,
): Promise<void> {
  for (let i = references.length - 1; i >= 0; i--)
    await rows.restore(tx, references[i]!, changes[i]!, movedTo);
}

/** Marks the merge undone and audits it on the record merged back, with the values before and after. */
export async function recordUndo(
  tx: Queryable,
  viewer: Viewer,
  merge: MergeRow,
  audit: { orgId: string; before: unknown; after: unknown },
) {
  const undone = await merges.markUndone(tx, merge.id, viewer.userId);
  await recordAudit(tx, viewer, {
    action: 'unmerge',
    entityType: merge.kind,
    entityId: merge.source_id,
    orgId: audit.orgId,
    details: { label: merge.source_name, merge_id: merge.id, before: audit.before, after: audit.after },
  });
  return toMergeResult(undone);
}
