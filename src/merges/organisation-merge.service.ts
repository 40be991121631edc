// Merging an organisation registered twice: every reference to the source moves to the target, the
// source's names, acronym and IATI ref stay on as the target's aliases (or fill the target's empty
// fields), the source leaves the directory, and the whole change is audited and can be undone. A
// network administrator, or an administrator of both organisations, decides.
import { isNetworkAdmin } from '../access/network-admin.repository.ts';
import { assertCanWrite } from '../access/permissions.ts';
import { hasRole, type Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database, Queryable } from '../db/client.ts';
import { errors } from '../server/errors.ts';
import { mergesRepository as merges, toMergeResult } from './merges.repository.ts';
import {
  ORGANISATION_REFERENCES,
  type OrganisationRow,
  organisationMergeRepository as repo,
  TARGET_FIELDS,
} from './organisation-merge.repository.ts';
import { type ReferenceChange, rowChangesRepository as rows } from './row-changes.repository.ts';
import { assertUndoable, recordUndo, restoreReferences } from './undo.ts';

interface OrganisationMergeSnapshot {
  source: OrganisationRow;
  target_before: OrganisationRow;
  target_version_after: number;
  changes: ReferenceChange[];
}

type TargetFields = Pick<OrganisationRow, (typeof TARGET_FIELDS)[number]>;

/** The target after the merge: its own fields first; the source's fill gaps or become aliases. */
export function mergedFields(source: OrganisationRow, target: OrganisationRow): TargetFields {
  const acronym = target.acronym ?? source.acronym;
  const iatiRef = target.iati_ref ?? source.iati_ref;
  const taken = new Set([target.name, acronym, iatiRef].filter((v) => v).map((v) => v!.toLowerCase()));
  const aliases: string[] = [];
  for (const name of [...target.aliases, source.name, source.acronym, ...source.aliases, source.iati_ref]) {
    if (!name || taken.has(name.toLowerCase())) continue;
    taken.add(name.toLowerCase());
    aliases.push(name);
  }
  return {
    acronym,
    aliases,
    iati_ref: iatiRef,
    country: target.country ?? source.country,
    website: target.website ?? source.website,
    version: target.version + 1,
    updated_at: new Date().toISOString(),
  };
}

const pick = (row: OrganisationRow): TargetFields =>
  Object.fromEntries(TARGET_FIELDS.map((f) => [f, row[f]])) as TargetFields;

async function assertMayMerge(
  db: Queryable,
  viewer: Viewer,
  source: OrganisationRow,
  target: OrganisationRow,
) {
  assertCanWrite(viewer);
  if (hasRole(viewer, source.id, 'admin') && hasRole(viewer, target.id, 'admin')) return;
  if (await isNetworkAdmin(db, viewer)) return;
  throw errors.forbidden(
    `Only a network administrator, or an administrator of both ${source.name} and ${target.name}, may merge them.`,
  );
}

async function assertMergeable(tx: Queryable, source: OrganisationRow, target: OrganisationRow) {
  if ((await repo.ancestors(tx, target.id)).includes(source.id))
    throw errors.invalidField(
      'into',
      `${target.name} sits under ${source.name} in the directory; merging would make it its own parent. ` +
        `Change the parent of ${target.name} first, or merge the other way round.`,
    );
  const shared = await repo.sharedKeys(tx, source.id, target.id);
  if (shared.length)
    throw errors.conflict(
      'held_twice',
      `Both organisations hold the same records (${shared.join('; ')}). Merge those duplicates first, then the organisations.`,
      { shared },
    );
}

export const organisationMergeService = {
  async merge(db: Database, viewer: Viewer, sourceId: string, targetId: string) {
    if (sourceId === targetId)
      throw errors.invalidField('into', 'is the organisation itself; name the organisation to merge it into');
    return db.transaction(async (tx) => {
      const source = await repo.row(tx, sourceId);
      if (!source) throw errors.notFound('organisation', sourceId);
      const target = await repo.row(tx, targetId);
      if (!target) throw errors.invalidField('into', `no organisation ${targetId} exists`);
      await assertMayMerge(tx, viewer, source, target);
      await assertMergeable(tx, source, target);
      const changes: ReferenceChange[] = [];
      for (const ref of ORGANISATION_REFERENCES) changes.push(await rows.move(tx, ref, source.id, target.id));
      await repo.delete(tx, source.id);
      const after = mergedFields(source, target);
      await repo.setTargetFields(tx, target.id, after);
      const snapshot: OrganisationMergeSnapshot = {
        source,
        target_before: target,
        target_version_after: after.version,
        changes,
      };
      const merge = await merges.insert(tx, {
        kind: 'organisation',
        source_id: source.id,
        target_id: target.id,
        source_name: source.name,
        target_name: target.name,
        mergedBy: viewer.userId,
        snapshot,
      });
      await recordAudit(tx, viewer, {
        action: 'merge',
        entityType: 'organisation',
        entityId: target.id,
        orgId: target.id,
        details: {
          label: target.name,
          merge_id: merge.id,
          merged: { id: source.id, name: source.name },
          before: { source: pick(source), target: pick(target) },
          after: after,
        },
      });
      return toMergeResult(merge);
    });
  },

  async undo(db: Database, viewer: Viewer, mergeId: string) {
    assertCanWrite(viewer);
    return db.transaction(async (tx) => {
      const merge = await merges.findForUndo<OrganisationMergeSnapshot>(tx, 'organisation', mergeId);
      if (!merge) throw errors.notFound('organisation merge', mergeId);
      if (!hasRole(viewer, merge.target_id, 'admin') && !(await isNetworkAdmin(tx, viewer)))
        throw errors.forbidden(
          `Only a network administrator or an administrator of ${merge.target_name} may undo this merge.`,
        );
      const target = await repo.row(tx, merge.target_id);
      const later = target ? undefined : await merges.standingMergeOf(tx, 'organisation', merge.target_id);
      const { snapshot } = merge;
      assertUndoable(
        merge,
        target,
        snapshot.target_version_after,
        `${merge.target_name} no longer exists${later ? ` (merged into ${later.target_name}: undo that merge first)` : ''}.`,
      );
      await repo.setTargetFields(tx, target.id, pick(snapshot.target_before));
      await rows.reinsert(tx, 'organisations', [snapshot.source]);
      await restoreReferences(tx, ORGANISATION_REFERENCES, snapshot.changes, target.id);
      return recordUndo(tx, viewer, merge, {
        orgId: merge.target_id,
        before: { target: pick(target) },
        after: { source: pick(snapshot.source), target: pick(snapshot.target_before) },
      });
    });
  },
};
