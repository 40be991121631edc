// Housekeeping that PostgreSQL's autovacuum does on its own and the embedded engine never does.
// The 3W matrix and the search index keep bookkeeping tables that every write churns: the pending
// lists are filled and emptied at each commit, the matrix cells updated in place. Without a
// vacuum their dead rows stay, and each read goes through them: after the USAID import (23
// batches), reading the matrix cells took 250-530 ms on PGlite, and 150 ms once vacuumed.
// `tidyAfterBulkWrite` vacuums those tables after an IATI import; `vacuumWhereDue` does for every
// table what autovacuum would, by its thresholds (the server's rounds, the other bulk commands).
//
// GIN indexes take new entries into a pending list that every search through them reads in full
// until a vacuum (or an overflowing insert) merges it. After the USAID import, the pending lists
// of the search index made a word that names organisations ('governance': 73 of them) cost 15 ms
// to look up in the organisations' index instead of 1.4 ms: `tidyAfterBulkWrite` merges them.
import type { Database } from './client.ts';
import { sql } from './sql.ts';

/** The tables every write churns (migrations 030, 031 and 050). */
const CHURNED_TABLES = [
  'matrix_cells',
  'matrix_facts',
  'matrix_pending',
  'matrix_unconvertible',
  'search_pending',
  'search_buckets',
];

/**
 * After a bulk write (an IATI import): merges the GIN pending lists on both engines, and on the
 * embedded engine vacuums and analyses the churned tables (on PostgreSQL, autovacuum does that on
 * its own schedule). Runs outside a transaction.
 */
export async function tidyAfterBulkWrite(db: Database): Promise<void> {
  await mergeGinPendingLists(db);
  if (db.engine !== 'pglite') return;
  await db.exec(`VACUUM (ANALYZE) ${CHURNED_TABLES.join(', ')}`);
}

/**
 * Merges every GIN index's pending list into the index (or those of one table), on both engines:
 * the searches, overlaps and duplicate checks that follow a bulk write would otherwise each read
 * the lists through (up to 4 MB for the title trigrams) until autovacuum comes round. Returns the
 * pages merged.
 */
export async function mergeGinPendingLists(db: Database, table?: string): Promise<number> {
  const [row] = await db.query<{ pages: number }>(sql`
    SELECT coalesce(sum(gin_clean_pending_list(i.indexrelid)), 0)::int AS pages
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am a ON a.oid = c.relam
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE a.amname = 'gin' AND n.nspname = current_schema()
      AND (${table ?? null}::text IS NULL OR i.indrelid = ${table ?? null}::regclass)`);
  return row?.pages ?? 0;
}

// Autovacuum's default thresholds (autovacuum_vacuum_threshold and _scale_factor,
// autovacuum_vacuum_insert_threshold and _scale_factor, autovacuum_analyze_threshold and
// _scale_factor). No table of Tacit's sets its own. Like autovacuum, they scale with the table's
// size as its last vacuum or analysis counted it (pg_class.reltuples, 0 before the first).
const VACUUM_THRESHOLD = 50;
const VACUUM_SCALE_FACTOR = 0.2;
const INSERT_THRESHOLD = 1000;
const INSERT_SCALE_FACTOR = 0.2;
const ANALYZE_THRESHOLD = 50;
const ANALYZE_SCALE_FACTOR = 0.1;

/** What was done to one table, with its statistics as they were before. */
export interface TableUpkeep {
  table: string;
  vacuumed: boolean;
  analysed: boolean;
  liveRows: number;
  deadRows: number;
  insertedSinceVacuum: number;
  modifiedSinceAnalyse: number;
  ms: number;
}

interface DueTable {
  name: string;
  relname: string;
  n_live_tup: number;
  n_dead_tup: number;
  n_ins_since_vacuum: number;
  n_mod_since_analyze: number;
  vacuum_due: boolean;
  analyse_due: boolean;
}

/**
 * Vacuums the tables with more dead rows, or more rows inserted since their last vacuum, and
 * analyses those with more changes since their last analysis, than autovacuum would let pass,
 * table by table; on the embedded engine only (on PostgreSQL autovacuum does it). Stops before
 * the next table once `signal` is aborted: what is left stays past its threshold and is done next
 * time. Runs outside a transaction.
 */
export async function vacuumWhereDue(
  db: Database,
  opts: { signal?: AbortSignal } = {},
): Promise<TableUpkeep[]> {
  if (db.engine !== 'pglite') return [];
  // The embedded engine sends its statistics counters to the shared view lazily: forced, they are
  // current from the next statement on.
  await db.query(sql`SELECT pg_stat_force_next_flush()`);
  const due = await db.query<DueTable>(sql`
    SELECT * FROM (
      SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.relname) AS name, s.relname,
             s.n_live_tup, s.n_dead_tup, s.n_ins_since_vacuum, s.n_mod_since_analyze,
             s.n_dead_tup > ${VACUUM_THRESHOLD}::float8 + ${VACUUM_SCALE_FACTOR}::float8 * c.tuples
               -- Rows only inserted leave nothing dead, but a vacuum still merges the GIN pending
               -- lists they filled and marks their pages all-visible for index-only scans.
               OR s.n_ins_since_vacuum > ${INSERT_THRESHOLD}::float8 + ${INSERT_SCALE_FACTOR}::float8 * c.tuples
               AS vacuum_due,
             s.n_mod_since_analyze > ${ANALYZE_THRESHOLD}::float8 + ${ANALYZE_SCALE_FACTOR}::float8 * c.tuples
               AS analyse_due
      FROM pg_stat_user_tables s
      CROSS JOIN LATERAL (SELECT greatest(reltuples, 0)::float8 AS tuples FROM pg_class WHERE oid = s.relid) c
    ) t
    WHERE vacuum_due OR analyse_due
    ORDER BY relname`);
  const done: TableUpkeep[] = [];
  for (const t of due) {
    if (opts.signal?.aborted) break;
    const started = performance.now();
    // One statement per table: VACUUM refuses to run in a multi-statement string (a transaction).
    const command = t.vacuum_due ? (t.analyse_due ? 'VACUUM (ANALYZE)' : 'VACUUM') : 'ANALYZE';
    await db.exec(`${command} ${t.name}`);
    done.push({
      table: t.relname,
      vacuumed: t.vacuum_due,
      analysed: t.analyse_due,
      liveRows: t.n_live_tup,
      deadRows: t.n_dead_tup,
      insertedSinceVacuum: t.n_ins_since_vacuum,
      modifiedSinceAnalyse: t.n_mod_since_analyze,
      ms: Math.round(performance.now() - started),
    });
  }
  return done;
}
