// Merging a project registered twice: its documents, reviews (with their scores), evaluations,
// recommendations, lessons, meetings and assessments move to the project that stays, which takes
// the merged one's identifiers, description and dates where it has none; the merged project is
// removed; the merge is audited and undone exactly. Only its owner merges: both projects must
// belong to one organisation the user edits for, and a project the user cannot see is missing.

import { assertCanWrite } from '../access/permissions.ts';
import { hasRole, type Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database } from '../db/client.ts';
import { errors } from '../server/errors.ts';
import { mergesRepository as merges, toMergeResult } from './merges.repository.ts';
import {
  FILLED_FIELDS,
  PROJECT_DETAILS,
  PROJECT_RECORDS,
  type ProjectRow,
  projectMergeRepository as repo,
} from './project-merge.repository.ts';
import { type ReferenceChange, rowChangesRepository as rows } from './row-changes.repository.ts';
import { assertUndoable, recordUndo, restoreReferences } from './undo.ts';

interface ProjectMergeSnapshot {
  source: ProjectRow;
  details: Record<string, Record<string, unknown>[]>;
  target_before: ProjectRow;
  target_version_after: number;
  changes: ReferenceChange[];
}

type Fields = Pick<ProjectRow, (typeof FILLED_FIELDS)[number] | 'version' | 'updated_at'>;

const fieldsOf = (p: ProjectRow): Fields =>
  Object.fromEntries([...FILLED_FIELDS, 'version', 'updated_at'].map((f) => [f, p[f]])) as Fields;

/** The project that stays keeps its own values; each gap is filled from the merged one (dates with their precision). */
export function filledFields(source: ProjectRow, target: ProjectRow): Fields {
  const start = target.start_date ? target : source;
  const end = target.end_date ? target : source;
  return {
    code: target.code ?? source.code,
    iati_identifier: target.iati_identifier ?? source.iati_identifier,
    description: target.description ?? source.description,
    start_date: start.start_date,
    start_precision: start.start_precision,
    end_date: end.end_date,
    end_precision: end.end_precision,
    version: target.version + 1,
    updated_at: new Date().toISOString(),
  };
}

function assertOwnerMerges(viewer: Viewer, source: ProjectRow, target: ProjectRow) {
  assertCanWrite(viewer);
  if (source.owner_org_id !== target.owner_org_id)
    throw errors.forbidden(
      'Only the owner organisation may merge its own projects, and these two belong to different organisations. ' +
        'Ask the other owner to merge or withdraw its copy.',
    );
  if (!hasRole(viewer, source.owner_org_id, 'editor'))
    throw errors.forbidden(
      'Only editors and administrators of the owner organisation may merge its projects.',
    );
}

export const projectMergeService = {
  async merge(db: Database, viewer: Viewer, sourceId: string, targetId: string) {
    if (sourceId === targetId)
      throw errors.invalidField('into', 'is the project itself; name the project to merge it into');
    return db.transaction(async (tx) => {
      const source = await repo.visibleRow(tx, viewer, sourceId);
      if (!source) throw errors.notFound('project', sourceId);
      const target = await repo.visibleRow(tx, viewer, targetId);
      if (!target) throw errors.invalidField('into', `no project ${targetId} exists that you can see`);
      assertOwnerMerges(viewer, source, target);
      const changes: ReferenceChange[] = [];
      for (const ref of PROJECT_RECORDS) changes.push(await rows.move(tx, ref, source.id, target.id));
      const details: ProjectMergeSnapshot['details'] = {};
      for (const table of PROJECT_DETAILS)
        details[table] = await rows.capture(tx, table, 'project_id', source.id);
      await repo.delete(tx, source.id);
      const after = filledFields(source, target);
      await repo.setFields(tx, target.id, after);
      const snapshot: ProjectMergeSnapshot = {
        source,
        details,
        target_before: target,
        target_version_after: after.version,
        changes,
      };
      const merge = await merges.insert(tx, {
        kind: 'project',
        source_id: source.id,
        target_id: target.id,
        source_name: source.title,
        target_name: target.title,
        mergedBy: viewer.userId,
        snapshot,
      });
      await recordAudit(tx, viewer, {
        action: 'merge',
        entityType: 'project',
        entityId: target.id,
        orgId: target.owner_org_id,
        details: {
          label: target.title,
          merge_id: merge.id,
          merged: { id: source.id, title: source.title },
          before: { source: fieldsOf(source), target: fieldsOf(target) },
          after,
        },
      });
      return toMergeResult(merge);
    });
  },

  async undo(db: Database, viewer: Viewer, mergeId: string) {
    assertCanWrite(viewer);
    return db.transaction(async (tx) => {
      const merge = await merges.findForUndo<ProjectMergeSnapshot>(tx, 'project', mergeId);
      const { snapshot } = merge ?? {};
      // A merge of another organisation's projects is as missing as one that never happened.
      if (!merge || !snapshot || !hasRole(viewer, snapshot.source.owner_org_id, 'viewer'))
        throw errors.notFound('project merge', mergeId);
      if (!hasRole(viewer, snapshot.source.owner_org_id, 'editor'))
        throw errors.forbidden(
          'Only editors and administrators of the owner organisation may undo this merge.',
        );
      const target = await repo.visibleRow(tx, viewer, merge.target_id);
      assertUndoable(
        merge,
        target,
        snapshot.target_version_after,
        `${merge.target_name} no longer exists; undo what removed it first.`,
      );
      await repo.setFields(tx, target.id, fieldsOf(snapshot.target_before));
      await rows.reinsert(tx, 'projects', [snapshot.source]);
      for (const table of PROJECT_DETAILS) await rows.reinsert(tx, table, snapshot.details[table] ?? []);
      await restoreReferences(tx, PROJECT_RECORDS, snapshot.changes, target.id);
      return recordUndo(tx, viewer, merge, {
        orgId: snapshot.source.owner_org_id,
        before: { target: fieldsOf(target) },
        after: { source: fieldsOf(snapshot.source), target: fieldsOf(snapshot.target_before) },
      });
    });
  },
};
