// The one access filter. Every query that reads a record with an owner and a visibility puts
// this condition in its WHERE clause, so search, analytics and exports see exactly what a
// record page would. `test/architecture.unit.test.ts` checks that repositories use it.
import { type Sql, sql } from '../db/sql.ts';
import { isSignedIn, orgIdsOf, type Viewer } from './viewer.ts';

/**
 * SQL condition: the row aliased `alias` (with owner_org_id and visibility) is visible to viewer.
 * `alias` is chosen by code, never by input.
 */
export function visibleTo(viewer: Viewer, alias: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`Invalid SQL alias: ${alias}`);
  const a = sql.raw(alias);
  if (!isSignedIn(viewer)) return sql`${a}.visibility = 'public'`;
  const orgs = orgIdsOf(viewer);
  return sql`(${a}.visibility IN ('public', 'network') OR ${a}.owner_org_id = ANY(${orgs}::uuid[]))`;
}
