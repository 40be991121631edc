// Housekeeping that PostgreSQL's autovacuum does on its own and the embedded engine never does.
// The 3W matrix and the search index keep bookkeeping tables that every write churns: the pending
// lists are filled and emptied at each commit, the matrix cells updated in place. Without a
// vacuum their dead rows stay, and each read goes through them: after the USAID import (23
// batches), reading the matrix cells took 250-530 ms on PGlite, and 150 ms once vacuumed.
import type { Database } from './client.ts';

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
 * Vacuums and analyses the churned tables after a bulk write (an IATI import), on the embedded
 * engine only: on PostgreSQL, autovacuum does it on its own schedule. Runs outside a transaction.
 */
export async function tidyAfterBulkWrite(db: Database): Promise<void> {
  if (db.engine !== 'pglite') return;
  await db.exec(`VACUUM (ANALYZE) ${CHURNED_TABLES.join(', ')}`);
}
