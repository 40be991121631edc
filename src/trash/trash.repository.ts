// SQL for soft delete: marking a record deleted (visibility 'deleted', so the access filter hides
// it from every read), listing an organisation's deleted records, restoring one, and purging
// those deleted longer ago than the restore window, with what belongs to them.
import { trashVisibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import { OWNED_TABLES } from '../records/owned-tables.ts';
import { TRASH_TYPES, type TrashKind } from './trash.schema.ts';

export type { TrashKind };

/** What a person calls a row of each kind of record that can be deleted. */
const TRASH_LABELS: Record<TrashKind, Sql> = {
  project: sql`t.title`,
  document: sql`coalesce(t.title, t.filename)`,
  review: sql`t.period_label`,
  evaluation: sql`t.title`,
  recommendation: sql`left(t.text, 120)`,
  lesson: sql`left(t.text, 120)`,
  meeting: sql`t.title`,
  assessment: sql`t.title`,
};

/** The kinds a project's deletion takes with it: their rows go when the project's row goes (ON DELETE CASCADE). */
const PROJECT_DEPENDANTS: TrashKind[] = ['review', 'evaluation', 'recommendation', 'lesson', 'assessment'];

export interface DeletedRow {
  type: TrashKind;
  id: string;
  label: string | null;
  owner_org_id: string;
  owner_name: string;
  visibility: string;
  deleted_at: Date;
  deleted_by: string | null;
  deleted_by_name: string | null;
}

export interface DeletedState {
  owner_org_id: string;
  visibility: string;
  deleted_at: Date | null;
  deleted_with: string | null;
}

const table = (kind: TrashKind) => sql.raw(OWNED_TABLES[kind]);

function markDeleted(userId: string | null, at: Date, deletedWith: string | null): Sql {
  return sql`deleted_visibility = visibility, visibility = 'deleted', deleted_at = ${at},
    deleted_by = ${userId}, deleted_with = ${deletedWith}, version = version + 1, updated_at = now()`;
}

function unmarkDeleted(today: string): Sql {
  // An embargo that ended while the record was deleted is lifted as the embargo job would have.
  const ended = sql`embargo_until <= ${today}::date`;
  return sql`visibility = CASE WHEN ${ended} THEN 'public' ELSE deleted_visibility END,
    shared_with = CASE WHEN ${ended} THEN '{}' ELSE shared_with END,
    embargo_until = CASE WHEN ${ended} THEN NULL ELSE embargo_until END,
    deleted_visibility = NULL, deleted_at = NULL, deleted_by = NULL, deleted_with = NULL,
    version = version + 1, updated_at = now()`;
}

export const trashRepository = {
  /** Marks the record deleted if `version` is still current; for a project, its dependants with it. */
  async softDelete(
    tx: Queryable,
    kind: TrashKind,
    id: string,
    version: number,
    userId: string | null,
    at: Date,
  ): Promise<boolean> {
    const rows = await tx.query(sql`UPDATE ${table(kind)} SET ${markDeleted(userId, at, null)}
      WHERE id = ${id} AND version = ${version} AND visibility <> 'deleted' RETURNING id`);
    if (!rows.length) return false;
    if (kind === 'project')
      for (const dependant of PROJECT_DEPENDANTS)
        await tx.query(sql`UPDATE ${table(dependant)} SET ${markDeleted(userId, at, id)}
          WHERE project_id = ${id} AND visibility <> 'deleted'`);
    return true;
  },

  /** Whether a record of one of `orgIds` is deleted, and how; undefined for another's or a missing one. */
  async findOwnState(
    db: Queryable,
    orgIds: string[],
    kind: TrashKind,
    id: string,
  ): Promise<DeletedState | undefined> {
    const rows =
      await db.query<DeletedState>(sql`SELECT t.owner_org_id, t.visibility, t.deleted_at, t.deleted_with
      FROM ${table(kind)} t WHERE t.id = ${id} AND t.owner_org_id = ANY(${orgIds}::uuid[])`);
    return rows[0];
  },

  /** The deleted records the viewer may restore (their own deletion, not a project's), newest first. */
  async listDeleted(
    db: Queryable,
    viewer: Viewer,
    f: { orgId?: string; types: TrashKind[]; limit: number },
  ): Promise<DeletedRow[]> {
    const parts = f.types.map(
      (kind) => sql`SELECT ${kind}::text AS type, t.id, ${TRASH_LABELS[kind]} AS label, t.owner_org_id,
        t.deleted_visibility AS visibility, t.deleted_at, t.deleted_by
      FROM ${table(kind)} t WHERE ${trashVisibleTo(viewer, 't')} AND t.deleted_with IS NULL
        ${f.orgId ? sql`AND t.owner_org_id = ${f.orgId}` : sql.empty}`,
    );
    return db.query<DeletedRow>(sql`SELECT d.*, o.name AS owner_name, u.name AS deleted_by_name
      FROM (${sql.join(parts, ' UNION ALL ')}) d
      JOIN organisations o ON o.id = d.owner_org_id LEFT JOIN users u ON u.id = d.deleted_by
      ORDER BY d.deleted_at DESC, d.id LIMIT ${f.limit}`);
  },

  /** Restores a deleted record (and what its deletion took with it); its label, or undefined if it was not deleted. */
  async restore(
    tx: Queryable,
    kind: TrashKind,
    id: string,
    today: string,
  ): Promise<string | null | undefined> {
    const rows = await tx.query<{
      label: string | null;
    }>(sql`UPDATE ${table(kind)} t SET ${unmarkDeleted(today)}
      WHERE t.id = ${id} AND t.visibility = 'deleted' RETURNING ${TRASH_LABELS[kind]} AS label`);
    if (!rows.length) return undefined;
    if (kind === 'project')
      for (const dependant of PROJECT_DEPENDANTS)
        await tx.query(
          sql`UPDATE ${table(dependant)} SET ${unmarkDeleted(today)} WHERE deleted_with = ${id}`,
        );
    return rows[0]!.label;
  },

  /**
   * Deletes for good the records deleted before `cutoff`, with their children (foreign keys
   * cascade: a project's lines and dependants, a document's file); returns what went.
   */
  async purgeDeletedBefore(tx: Queryable, cutoff: Date): Promise<DeletedRow[]> {
    const purged: DeletedRow[] = [];
    for (const kind of TRASH_TYPES) {
      const rows = await tx.query<DeletedRow>(sql`DELETE FROM ${table(kind)} t
        WHERE t.visibility = 'deleted' AND t.deleted_with IS NULL AND t.deleted_at < ${cutoff}
        RETURNING ${kind}::text AS type, t.id, ${TRASH_LABELS[kind]} AS label, t.owner_org_id,
          t.deleted_visibility AS visibility, t.deleted_at, t.deleted_by`);
      purged.push(...rows);
    }
    return purged;
  },
};
