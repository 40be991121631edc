// The rules of soft delete: a deleted record disappears from every read at once (the access filter
// hides visibility 'deleted'); its organisation's editors and administrators list it and restore
// it for RESTORE_DAYS days; then the daily purge job deletes it for good, with what belongs to it.
import { hasRole, orgIdsOf, systemViewer, type Viewer } from '../access/viewer.ts';
import { auditService } from '../audit/audit.service.ts';
import type { Database, Queryable } from '../db/client.ts';
import { type Clock, dayOf, systemClock } from '../reminders/clock.ts';
import { dailySlot, type ScheduledJob } from '../reminders/scheduler.ts';
import { AppError, errors } from '../server/errors.ts';
import { type DeletedRow, type TrashKind, trashRepository } from './trash.repository.ts';
import { TRASH_TYPES } from './trash.schema.ts';

export const RESTORE_DAYS = 30;
const DAY_MS = 86_400_000;

/** The last moment a record deleted at `deletedAt` may be restored. */
export function restorableUntil(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + RESTORE_DAYS * DAY_MS);
}

function toItem(row: DeletedRow) {
  return {
    type: row.type,
    id: row.id,
    label: row.label,
    owner_org: { id: row.owner_org_id, name: row.owner_name },
    visibility: row.visibility,
    deleted_at: row.deleted_at,
    deleted_by: row.deleted_by ? { id: row.deleted_by, name: row.deleted_by_name } : null,
    restorable_until: restorableUntil(row.deleted_at),
  };
}

const notInTrash = (kind: TrashKind, id: string) =>
  new AppError(
    404,
    'not_found',
    `No deleted ${kind} with id ${id} is in your organisations' deleted records: it was never deleted, ` +
      `was purged ${RESTORE_DAYS} days after its deletion, or belongs to an organisation you are not in.`,
    { type: kind, id },
  );

export const trashService = {
  /** Marks a record deleted (the caller has checked the writer's role and the version). */
  async softDelete(tx: Queryable, kind: TrashKind, id: string, version: number, viewer: Viewer, at: Date) {
    return trashRepository.softDelete(tx, kind, id, version, viewer.userId, at);
  },

  async list(db: Queryable, viewer: Viewer, q: { org_id?: string; type?: TrashKind[]; limit: number }) {
    if (q.org_id && !hasRole(viewer, q.org_id, 'editor'))
      throw errors.forbidden(
        'Only editors and administrators of an organisation may list its deleted records.',
      );
    const types = q.type?.length ? q.type : [...TRASH_TYPES];
    const rows = await trashRepository.listDeleted(db, viewer, { orgId: q.org_id, types, limit: q.limit });
    return { items: rows.map(toItem), restore_days: RESTORE_DAYS };
  },

  /** Puts a deleted record back as it was (a project with what its deletion took), within the window. */
  async restore(db: Database, viewer: Viewer, kind: TrashKind, id: string, now: Date) {
    return db.transaction(async (tx) => {
      const state = await trashRepository.findOwnState(tx, orgIdsOf(viewer), kind, id);
      if (!state) throw notInTrash(kind, id);
      if (state.visibility !== 'deleted')
        throw errors.conflict('not_deleted', `This ${kind} is not deleted: there is nothing to restore.`, {
          type: kind,
          id,
        });
      if (!hasRole(viewer, state.owner_org_id, 'editor'))
        throw errors.forbidden('Only editors and administrators of the owner organisation may restore it.');
      if (state.deleted_with)
        throw errors.conflict(
          'deleted_with_project',
          `This ${kind} was deleted with its project: restore the project (id ${state.deleted_with}) and it comes back too.`,
          { type: kind, id, project_id: state.deleted_with },
        );
      if (restorableUntil(state.deleted_at!) < now)
        throw errors.conflict(
          'restore_window_closed',
          `This ${kind} was deleted more than ${RESTORE_DAYS} days ago and is being purged; it can no longer be restored.`,
          { type: kind, id },
        );
      const label = await trashRepository.restore(tx, kind, id, dayOf(now));
      await auditService.restored(tx, viewer, kind, state.owner_org_id, { id, label: label ?? null });
      return { type: kind, id, label: label ?? null };
    });
  },

  /** Deletes for good what was deleted more than RESTORE_DAYS days before `now`; notes each in its owner's trail. */
  async purge(db: Database, now: Date): Promise<number> {
    return db.transaction(async (tx) => {
      const purged = await trashRepository.purgeDeletedBefore(
        tx,
        new Date(now.getTime() - RESTORE_DAYS * DAY_MS),
      );
      for (const row of purged)
        await auditService.purged(tx, systemViewer([]), row.type, row.owner_org_id, {
          id: row.id,
          label: row.label,
          deleted_at: row.deleted_at.toISOString(),
        });
      return purged.length;
    });
  },
};

/** The scheduled job that purges the deleted records past their window: once a day, at 02:00 UTC. */
export function purgeJob(db: Database, clock: Clock = systemClock): ScheduledJob {
  return {
    name: 'purge_deleted',
    slotAt: (now) => dailySlot(now, 2),
    run: async () => {
      await trashService.purge(db, clock.now());
    },
  };
}
