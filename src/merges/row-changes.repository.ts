// The rows a merge changes or removes, captured as they were and put back by an undo. Table and
// column names come from the merge's own reference lists (code), never from input. The rows are kept
// in the merge's snapshot and returned to no reader: whoever may merge has been checked before.
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';

type Row = Record<string, unknown>;

/** A column that names the merged entity, in a table whose rows `key` identifies. */
export interface Reference {
  table: string;
  column: string;
  key: string[];
  /** How the column holds the id: itself, in a uuid array, or as `org_id` in a JSON array of objects. */
  holds: 'id' | 'array' | 'json_org_ids';
  /** Columns that, with `column`, are unique: a source row whose twin already names the target is removed. */
  uniqueWith?: string[];
}

/** What a merge did to one reference: rows changed in place (as they were) and rows it removed. */
export interface ReferenceChange {
  table: string;
  column: string;
  moved: Row[];
  removed: Row[];
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid SQL identifier: ${name}`);
  return sql.raw(name);
};

function names(ref: Reference, id: string): Sql {
  const c = ident(ref.column);
  if (ref.holds === 'id') return sql`t.${c} = ${id}`;
  if (ref.holds === 'array') return sql`${id}::uuid = ANY(t.${c})`;
  return sql`t.${c} @> jsonb_build_array(jsonb_build_object('org_id', ${id}::text))`;
}

function replaced(ref: Reference, from: string, to: string): Sql {
  const c = ident(ref.column);
  if (ref.holds === 'id') return sql`${to}::uuid`;
  if (ref.holds === 'array')
    return sql`ARRAY(SELECT DISTINCT unnest(array_replace(t.${c}, ${from}::uuid, ${to}::uuid)))`;
  return sql`(SELECT jsonb_agg(CASE WHEN e->>'org_id' = ${from}::text
      THEN jsonb_set(e, '{org_id}', to_jsonb(${to}::text)) ELSE e END ORDER BY i)
    FROM jsonb_array_elements(t.${c}) WITH ORDINALITY x(e, i))`;
}

export const rowChangesRepository = {
  /** Points every row that names `from` at `to`; returns the rows as they were, for the undo. */
  async move(db: Queryable, ref: Reference, from: string, to: string): Promise<ReferenceChange> {
    const table = ident(ref.table);
    const c = ident(ref.column);
    let removed: Row[] = [];
    if (ref.uniqueWith) {
      const twin = sql.and(ref.uniqueWith.map((u) => sql`o.${ident(u)} = t.${ident(u)}`));
      removed = (
        await db.query<{ row: Row }>(sql`DELETE FROM ${table} t WHERE t.${c} = ${from}
          AND EXISTS (SELECT 1 FROM ${table} o WHERE o.${c} = ${to} AND ${twin}) RETURNING to_jsonb(t) AS row`)
      ).map((r) => r.row);
    }
    const moved = (
      await db.query<{ row: Row }>(sql`SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${names(ref, from)}`)
    ).map((r) => r.row);
    if (moved.length)
      await db.query(sql`UPDATE ${table} t SET ${c} = ${replaced(ref, from, to)} WHERE ${names(ref, from)}`);
    return { table: ref.table, column: ref.column, moved, removed };
  },

  /** Puts back what `move` did: the moved rows' column as it was, then the removed rows. */
  async restore(db: Queryable, ref: Reference, change: ReferenceChange, movedTo: string): Promise<void> {
    const table = ident(ref.table);
    const c = ident(ref.column);
    if (change.moved.length) {
      const match = sql.and(
        ref.key.map((k) =>
          k === ref.column ? sql`t.${ident(k)} = ${movedTo}` : sql`t.${ident(k)} = r.${ident(k)}`,
        ),
      );
      await db.query(sql`UPDATE ${table} t SET ${c} = r.${c}
        FROM jsonb_populate_recordset(NULL::${table}, ${JSON.stringify(change.moved)}::jsonb) r WHERE ${match}`);
    }
    await this.reinsert(db, ref.table, change.removed);
  },

  /** Inserts rows exactly as they were captured, their generated ids and sequence numbers included. */
  async reinsert(db: Queryable, tableName: string, rows: Row[]): Promise<void> {
    if (!rows.length) return;
    const table = ident(tableName);
    await db.query(sql`INSERT INTO ${table} OVERRIDING SYSTEM VALUE
      SELECT * FROM jsonb_populate_recordset(NULL::${table}, ${JSON.stringify(rows)}::jsonb)`);
  },

  /** Every row of a table whose `column` is `id`, as it is: e.g. a project's countries before it is removed. */
  async capture(db: Queryable, tableName: string, column: string, id: string): Promise<Row[]> {
    return (
      await db.query<{ row: Row }>(
        sql`SELECT to_jsonb(t) AS row FROM ${ident(tableName)} t WHERE t.${ident(column)} = ${id}`,
      )
    ).map((r) => r.row);
  },
};
