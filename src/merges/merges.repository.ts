// The merges table: one row per merge of two organisations or two projects, with the snapshot an
// undo restores from. A merge is named by the directory's own fields; the snapshot is never returned.
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export type MergeKind = 'organisation' | 'project';

export interface MergeRow {
  id: string;
  kind: MergeKind;
  source_id: string;
  target_id: string;
  source_name: string;
  target_name: string;
  merged_at: Date;
  undone_at: Date | null;
}

/** A merge as the API answers it: what was merged into what, when, and whether it was undone. */
export const toMergeResult = (m: MergeRow) => ({
  id: m.id,
  kind: m.kind,
  source: { id: m.source_id, name: m.source_name },
  target: { id: m.target_id, name: m.target_name },
  merged_at: m.merged_at,
  undone_at: m.undone_at,
});

const COLUMNS = sql`id, kind, source_id, target_id, source_name, target_name, merged_at, undone_at`;

export const mergesRepository = {
  async insert(
    db: Queryable,
    m: Pick<MergeRow, 'kind' | 'source_id' | 'target_id' | 'source_name' | 'target_name'> & {
      mergedBy: string | null;
      snapshot: unknown;
    },
  ): Promise<MergeRow> {
    const rows = await db.query<MergeRow>(sql`INSERT INTO merges
      (kind, source_id, target_id, source_name, target_name, merged_by, snapshot)
      VALUES (${m.kind}, ${m.source_id}, ${m.target_id}, ${m.source_name}, ${m.target_name}, ${m.mergedBy},
        ${JSON.stringify(m.snapshot)}::jsonb)
      RETURNING ${COLUMNS}`);
    return rows[0]!;
  },

  /** The merge and its snapshot, locked until the undo's transaction ends (two undos never both run). */
  async findForUndo<S>(
    db: Queryable,
    kind: MergeKind,
    id: string,
  ): Promise<(MergeRow & { snapshot: S }) | undefined> {
    const rows = await db.query<MergeRow & { snapshot: S }>(
      sql`SELECT ${COLUMNS}, snapshot FROM merges WHERE id = ${id} AND kind = ${kind} FOR UPDATE`,
    );
    return rows[0];
  },

  /** A later merge, still standing, that removed `id`: it must be undone first. */
  async standingMergeOf(db: Queryable, kind: MergeKind, sourceId: string): Promise<MergeRow | undefined> {
    const rows = await db.query<MergeRow>(sql`SELECT ${COLUMNS} FROM merges
      WHERE kind = ${kind} AND source_id = ${sourceId} AND undone_at IS NULL ORDER BY merged_at DESC LIMIT 1`);
    return rows[0];
  },

  async markUndone(db: Queryable, id: string, userId: string | null): Promise<MergeRow> {
    const rows = await db.query<MergeRow>(sql`UPDATE merges SET undone_at = now(), undone_by = ${userId}
      WHERE id = ${id} RETURNING ${COLUMNS}`);
    return rows[0]!;
  },
};
