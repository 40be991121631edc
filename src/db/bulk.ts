// Bulk inserts: one statement per table per batch (INSERT … SELECT from unnest of column arrays,
// or from rows already serialised as JSON), because a round trip per row is what makes PGlite
// slow. The repositories that own the tables (projects, iati, organisations) decide what to write.
import type { Queryable } from './client.ts';
import { type Sql, sql } from './sql.ts';

/** One column of a bulk insert: its name, its Postgres array element type, its values. */
export type Column = [name: string, type: string, values: unknown[]];

/** Inserts rows given column by column, in one statement. */
export async function insertColumns(
  tx: Queryable,
  table: string,
  columns: Column[],
  suffix: Sql = sql.empty,
): Promise<void> {
  if (!columns[0] || columns[0][2].length === 0) return;
  const names = sql.raw(columns.map((c) => c[0]).join(', '));
  const arrays = sql.join(columns.map(([, type, values]) => sql`${values}::${sql.raw(type)}[]`));
  await tx.query(sql`INSERT INTO ${sql.raw(table)} (${names}) SELECT * FROM unnest(${arrays}) ${suffix}`);
}

/** One owner of JSON rows: the id they are written under, its project's owner, the rows as a JSON array. */
export interface JsonRowsOf {
  id: string;
  ownerOrgId: string;
  /** A JSON array of row objects, keys = column names; undefined when there are none. */
  json: string | undefined;
}

export interface JsonRowsInsert {
  table: string;
  /** The column each item's id is written to. */
  idColumn: string;
  /** Column definitions as jsonb_to_recordset reads them, e.g. `country text, share numeric`. */
  defs: string;
  /** More columns and their values, which may use `b.id` and `b.owner_org_id`. */
  columns?: Sql;
  values?: Sql;
  /** Per column, an SQL expression that converts the JSON value `x.<column>`. */
  convert?: Record<string, (column: string) => string>;
  suffix?: Sql;
}

/**
 * At most this much JSON per statement. PGlite keeps the memory a statement's parameters took (its
 * WebAssembly heap and the process's malloc arenas never shrink): a batch's 7 MB of transactions in
 * one statement added some 130 MB to the import's peak RSS, the same rows in 1 MB statements 45 MB.
 */
const STATEMENT_JSON_CHARS = 1 << 20;

/**
 * Inserts one table's rows for a batch in as few statements as the size limit allows: the items'
 * JSON row arrays joined into one jsonb document (parsed once), paired by position with their ids.
 */
export async function insertJsonRows(tx: Queryable, items: JsonRowsOf[], to: JsonRowsInsert): Promise<void> {
  const names = to.defs.split(',').map((d) => d.trim().split(/\s+/)[0]!);
  const selected = names.map((n) => to.convert?.[n]?.(`x.${n}`) ?? `x.${n}`);
  const more = (s: Sql | undefined) => (s ? sql`, ${s}` : sql.empty);
  for (const part of bySize(items)) {
    await tx.query(sql`INSERT INTO ${sql.raw(to.table)} (${sql.raw(to.idColumn)}, ${sql.raw(names.join(', '))}${more(to.columns)})
      SELECT b.id, ${sql.raw(selected.join(', '))}${more(to.values)}
      FROM unnest(${part.map((w) => w.id)}::uuid[], ${part.map((w) => w.ownerOrgId)}::uuid[])
        WITH ORDINALITY AS b(id, owner_org_id, n)
      JOIN jsonb_array_elements(${`[${part.map((w) => w.json).join(',')}]`}::jsonb)
        WITH ORDINALITY AS r(rows, n) USING (n)
      CROSS JOIN LATERAL jsonb_to_recordset(r.rows) AS x(${sql.raw(to.defs)})
      ${to.suffix ?? sql.empty}`);
  }
}

/** The items that have rows, in runs of at most STATEMENT_JSON_CHARS of JSON (one at least). */
function* bySize(items: JsonRowsOf[]): Generator<JsonRowsOf[]> {
  let part: JsonRowsOf[] = [];
  let chars = 0;
  for (const item of items) {
    if (!item.json) continue;
    if (part.length && chars + item.json.length > STATEMENT_JSON_CHARS) {
      yield part;
      part = [];
      chars = 0;
    }
    part.push(item);
    chars += item.json.length;
  }
  if (part.length) yield part;
}
