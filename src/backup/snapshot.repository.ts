// A snapshot of a whole registry as a stream of records: a header naming the schema version (the
// applied migrations), then each table (parents before children) with its rows, every value in
// PostgreSQL's text form, then the sequences, then an end mark with the counts. Both engines read
// and write the same records, which is what lets a backup of the embedded engine be restored into
// PostgreSQL (and `tacit move` is a backup piped into a restore).
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import {
  appliedMigrations,
  ident,
  listSequences,
  listTables,
  registryRowCount,
  type TableShape,
} from './catalog.repository.ts';

export type Value = string | null;
export type SnapshotRecord =
  | { kind: 'header'; format: 'tacit-snapshot'; formatVersion: 1; migrations: string[]; source: string }
  | { kind: 'table'; name: string; columns: string[] }
  | { kind: 'rows'; rows: Value[][] }
  | { kind: 'sequences'; values: [string, number | null][] }
  | { kind: 'end'; tables: number; rows: number };

export class SnapshotError extends Error {}

const PAGE = 500;

/**
 * Text forms that read back the same whatever the server's settings: times in UTC, bytes in hex,
 * floats with every digit. Set in the snapshot's transaction only.
 */
const STABLE_TEXT = `SET LOCAL TimeZone = 'UTC'; SET LOCAL bytea_output = 'hex';
  SET LOCAL extra_float_digits = 1; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'`;

/**
 * Reads every table inside the caller's transaction, which must have begun with
 * `beginConsistentRead`, so that all of them are read as of one moment while writers go on.
 */
export async function* readSnapshot(tx: Queryable, source: string): AsyncGenerator<SnapshotRecord> {
  yield {
    kind: 'header',
    format: 'tacit-snapshot',
    formatVersion: 1,
    migrations: await appliedMigrations(tx),
    source,
  };
  const tables = await listTables(tx);
  let total = 0;
  for (const table of tables) {
    yield { kind: 'table', name: table.name, columns: table.columns };
    // Pages in physical order, each starting after the last row read: no OFFSET to rescan.
    let after = '(0,0)';
    const pages: Value[][][] = [];
    for (;;) {
      const values = sql.join(table.columns.map((c) => sql`${ident(c)}::text`));
      const page = await tx.query<{ at: string; v: Value[] }>(sql`
        SELECT ctid::text AS at, ARRAY[${values}] AS v FROM ${ident(table.name)}
        WHERE ctid > ${after}::tid ORDER BY ctid LIMIT ${PAGE}`);
      if (!page.length) break;
      after = page.at(-1)!.at;
      const rows = page.map((r) => r.v);
      total += rows.length;
      if (table.selfKeys.length) pages.push(rows);
      else yield { kind: 'rows', rows };
    }
    if (table.selfKeys.length) {
      const ordered = parentsFirst(table, pages.flat());
      for (let i = 0; i < ordered.length; i += PAGE) yield { kind: 'rows', rows: ordered.slice(i, i + PAGE) };
    }
  }
  yield { kind: 'sequences', values: await listSequences(tx) };
  yield { kind: 'end', tables: tables.length, rows: total };
}

/** First statements of a snapshot's transaction: one consistent view, read only, stable text. */
export async function beginConsistentRead(tx: Queryable): Promise<void> {
  await tx.exec(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; ${STABLE_TEXT}`);
}

/** A table that refers to itself (an organisation merged into another) is inserted referenced rows first. */
function parentsFirst(table: TableShape, rows: Value[][]): Value[][] {
  const at = (names: string[]) => names.map((n) => table.columns.indexOf(n));
  const keys = table.selfKeys.map(([cols, refs]) => [at(cols), at(refs)] as const);
  const keyOf = (row: Value[], idx: readonly number[]) =>
    idx.some((i) => row[i] === null) ? undefined : JSON.stringify(idx.map((i) => row[i]));
  const byRef = new Map<string, number>();
  for (const [, refs] of keys)
    for (const [i, row] of rows.entries()) byRef.set(`${refs}:${keyOf(row, refs)}`, i);
  const out: Value[][] = [];
  const state = new Uint8Array(rows.length); // 0 new, 1 in progress, 2 emitted
  const visit = (i: number) => {
    if (state[i]) return;
    state[i] = 1;
    for (const [cols, refs] of keys) {
      const key = keyOf(rows[i]!, cols);
      const parent = key === undefined ? undefined : byRef.get(`${refs}:${key}`);
      if (parent !== undefined && parent !== i) visit(parent);
    }
    state[i] = 2;
    out.push(rows[i]!);
  };
  for (let i = 0; i < rows.length; i++) visit(i);
  return out;
}

/**
 * Writes a snapshot into the caller's transaction on a migrated database that holds no registry:
 * the same migrations, every table emptied (the vocabularies loaded at start-up included) and
 * filled from the snapshot, the sequences set. The tables' own triggers are off meanwhile (the
 * search index and the matrix are copied, not rebuilt); foreign keys are checked as rows go in.
 * Anything amiss throws, and the caller's transaction leaves the database as it was.
 */
export async function writeSnapshot(tx: Queryable, records: AsyncIterable<SnapshotRecord>): Promise<number> {
  const tables = new Map((await listTables(tx)).map((t) => [t.name, t]));
  let current: TableShape | undefined;
  let rows = 0;
  let ended = false;
  let started = false;
  for await (const record of records) {
    if (!started) {
      if (record.kind !== 'header' || record.format !== 'tacit-snapshot' || record.formatVersion !== 1)
        throw new SnapshotError(
          'This is not a Tacit backup (its first line is not a Tacit snapshot header).',
        );
      await checkTarget(tx, record.migrations);
      await tx.exec(STABLE_TEXT);
      await tx.exec(`TRUNCATE ${[...tables.keys()].map((n) => `"${n}"`).join(', ')} RESTART IDENTITY`);
      for (const name of tables.keys()) await tx.query(sql`ALTER TABLE ${ident(name)} DISABLE TRIGGER USER`);
      started = true;
      continue;
    }
    if (ended) throw new SnapshotError('The backup goes on after its end mark: it is damaged.');
    if (record.kind === 'table') {
      current = tables.get(record.name);
      if (!current || current.columns.join() !== record.columns.join())
        throw new SnapshotError(`The backup's table ${record.name} does not match this database's schema.`);
    } else if (record.kind === 'rows') {
      if (!current) throw new SnapshotError('The backup has rows before any table: it is damaged.');
      await insertRows(tx, current, record.rows);
      rows += record.rows.length;
    } else if (record.kind === 'sequences') {
      for (const [name, value] of record.values)
        if (value !== null)
          await tx.query(sql`SELECT setval(quote_ident(${name})::regclass, ${value}, true)`);
    } else if (record.kind === 'end') {
      if (record.rows !== rows)
        throw new SnapshotError(`The backup says it holds ${record.rows} rows, but ${rows} were read.`);
      ended = true;
    }
  }
  if (!ended) throw new SnapshotError('The backup ends before its end mark: the file is truncated.');
  for (const name of tables.keys()) await tx.query(sql`ALTER TABLE ${ident(name)} ENABLE TRIGGER USER`);
  return rows;
}

async function checkTarget(tx: Queryable, migrations: string[]) {
  const here = await appliedMigrations(tx);
  if (here.join() !== migrations.join()) {
    const newer = migrations.filter((m) => !here.includes(m));
    throw new SnapshotError(
      newer.length
        ? `The backup was made by a newer Tacit (it has migration ${newer[0]}, which this one lacks). Restore it with that version.`
        : `The backup was made by an older Tacit (last migration ${migrations.at(-1)}). Restore it with that version, then start this one to upgrade.`,
    );
  }
  const n = await registryRowCount(tx);
  if (n > 0)
    throw new SnapshotError(
      `The target database already holds a registry (${n} organisations, users, projects, documents and IATI activities). ` +
        'Restore into a new TACIT_DATA_DIR or an empty PostgreSQL database.',
    );
}

async function insertRows(tx: Queryable, table: TableShape, rows: Value[][]) {
  const columns = sql.join(table.columns.map(ident));
  // Bind parameters are limited to 65,535 a statement.
  const perStatement = Math.max(1, Math.floor(60_000 / table.columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const tuples = rows.slice(i, i + perStatement).map((row) => {
      if (row.length !== table.columns.length)
        throw new SnapshotError(`A row of ${table.name} in the backup has the wrong number of values.`);
      return sql`(${sql.join(row.map((v, j) => sql`${v}::text::${sql.raw(table.types[j]!)}`))})`;
    });
    await tx.query(
      sql`INSERT INTO ${ident(table.name)} (${columns}) OVERRIDING SYSTEM VALUE VALUES ${sql.join(tuples)}`,
    );
  }
}
