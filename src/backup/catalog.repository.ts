// What a snapshot needs to know of the schema, read from PostgreSQL's catalog (the same on both
// engines): the tables in an order that inserts parents before children, their columns, the
// foreign keys a table has on itself, and the sequences.
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export interface TableShape {
  name: string;
  /** Stored columns in table order (generated ones are recomputed on insert, so left out). */
  columns: string[];
  /** Their types, as format_type writes them, to cast the text form back. */
  types: string[];
  /** Foreign keys to the table itself: [referencing columns, referenced columns]. */
  selfKeys: [string[], string[]][];
}

/** Quoted identifier. Names come from the catalog, never from input; quoting keeps odd ones intact. */
export const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

/** Applied migrations are the schema's version; the table itself is each database's own record. */
const NOT_COPIED = new Set(['schema_migrations']);

export async function listTables(db: Queryable): Promise<TableShape[]> {
  const tables = await db.query<{ name: string }>(sql`
    SELECT c.relname AS name FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
    ORDER BY c.relname COLLATE "C"`);
  const columns = await db.query<{ table: string; name: string; type: string }>(sql`
    SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
      AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    ORDER BY c.relname, a.attnum`);
  const keys = await db.query<{ child: string; parent: string; cols: string[]; refs: string[] }>(sql`
    SELECT ch.relname AS child, pa.relname AS parent,
           ARRAY(SELECT attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                 JOIN pg_attribute ON attrelid = k.conrelid AND attnum = u.n ORDER BY u.i)::text[] AS cols,
           ARRAY(SELECT attname FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                 JOIN pg_attribute ON attrelid = k.confrelid AND attnum = u.n ORDER BY u.i)::text[] AS refs
    FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
    WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`);

  const shapes = new Map<string, TableShape>();
  for (const { name } of tables) {
    if (NOT_COPIED.has(name)) continue;
    shapes.set(name, { name, columns: [], types: [], selfKeys: [] });
  }
  for (const c of columns) {
    const shape = shapes.get(c.table);
    if (!shape) continue;
    shape.columns.push(c.name);
    shape.types.push(c.type);
  }
  const parents = new Map<string, Set<string>>([...shapes.keys()].map((n) => [n, new Set()]));
  for (const k of keys) {
    if (k.child === k.parent) shapes.get(k.child)?.selfKeys.push([k.cols, k.refs]);
    else parents.get(k.child)?.add(k.parent);
  }
  // Parents first; names in order among equals, so two databases of one schema list them alike.
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  while (ordered.length < shapes.size) {
    const ready = [...shapes.keys()].filter(
      (n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p) || !shapes.has(p)),
    );
    if (!ready.length) throw new Error('The schema has a cycle of foreign keys between tables.');
    for (const n of ready) {
      placed.add(n);
      ordered.push(shapes.get(n)!);
    }
  }
  return ordered;
}

export async function listSequences(db: Queryable): Promise<[string, number | null][]> {
  const rows = await db.query<{ name: string; value: number | null }>(sql`
    SELECT sequencename AS name, last_value AS value FROM pg_sequences
    WHERE schemaname = 'public' ORDER BY sequencename COLLATE "C"`);
  return rows.map((r) => [r.name, r.value]);
}

export async function appliedMigrations(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    sql`SELECT name FROM schema_migrations ORDER BY name COLLATE "C"`,
  );
  return rows.map((r) => r.name);
}

/** Rows in the tables people fill: a restore or move goes only into a registry without any. */
export async function registryRowCount(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`
    SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM users)
         + (SELECT count(*) FROM projects) + (SELECT count(*) FROM documents)
         + (SELECT count(*) FROM iati_activities) AS n`);
  return row?.n ?? 0;
}
