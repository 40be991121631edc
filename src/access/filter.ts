// The one access filter. Every query that reads a record with an owner and a visibility puts
// this condition in its WHERE clause, so search, analytics and exports see exactly what a
// record page would. `test/architecture.unit.test.ts` checks that repositories use it.
import { type Sql, sql } from '../db/sql.ts';
import { hasRole, isSignedIn, orgIdsOf, type Viewer } from './viewer.ts';

/**
 * SQL condition: the row aliased `alias` (with owner_org_id, visibility and shared_with) is
 * visible to viewer. Public rows are everyone's, network rows every signed-in member's, shared
 * rows their owner's and the named organisations', owner rows their owner's. An embargoed row is
 * published by the embargo job on its day (src/sharing/), so the filter reads stored columns only
 * and the search index and the matrix, which copy them, answer alike. A deleted record (visibility
 * 'deleted', src/trash/) is no one's: only the trash reads it, by its own query.
 * `alias` is chosen by code, never by input.
 */
export function visibleTo(viewer: Viewer, alias: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`Invalid SQL alias: ${alias}`);
  const a = sql.raw(alias);
  if (!isSignedIn(viewer)) return sql`${a}.visibility = 'public'`;
  const orgs = orgIdsOf(viewer);
  return sql`(${a}.visibility IN ('public', 'network')
    OR (${a}.owner_org_id = ANY(${orgs}::uuid[]) AND ${a}.visibility <> 'deleted')
    OR (${a}.visibility = 'shared' AND ${a}.shared_with && ${orgs}::uuid[]))`;
}

/**
 * SQL condition: the row aliased `alias` is a deleted record the viewer may list and restore: one
 * of an organisation in which they are an editor or administrator. The trash alone asks it.
 */
export function trashVisibleTo(viewer: Viewer, alias: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`Invalid SQL alias: ${alias}`);
  const editorOf = orgIdsOf(viewer).filter((id) => hasRole(viewer, id, 'editor'));
  return sql`(${sql.raw(alias)}.visibility = 'deleted' AND ${sql.raw(alias)}.owner_org_id = ANY(${editorOf}::uuid[]))`;
}

/**
 * SQL condition: viewer may see a field of the row aliased `alias` (already visible to them) whose
 * own visibility is the SQL text `level`: '' or NULL follows the record, 'network' is every
 * signed-in member's, 'owner' the owner's only. Aggregates use it to leave out withheld amounts.
 */
export function fieldVisibleTo(viewer: Viewer, alias: string, level: Sql): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`Invalid SQL alias: ${alias}`);
  if (!isSignedIn(viewer)) return sql`coalesce(${level}, '') = ''`;
  return sql`(coalesce(${level}, '') IN ('', 'network') OR ${sql.raw(alias)}.owner_org_id = ANY(${orgIdsOf(viewer)}::uuid[]))`;
}

/**
 * The same rule in code, for the fields of a record a page or a list answers with. A shared
 * record's share list is its owner's alone: the organisations named need not learn of each other.
 */
export function withheldFields(
  viewer: Viewer,
  row: { owner_org_id: string; visibility?: string; field_visibility?: Record<string, string> | null },
): string[] {
  const orgs = orgIdsOf(viewer);
  if (orgs.includes(row.owner_org_id)) return [];
  const restricted = Object.entries(row.field_visibility ?? {})
    .filter(([, level]) => level === 'owner' || (level === 'network' && !isSignedIn(viewer)))
    .map(([field]) => field);
  if (row.visibility === 'shared') restricted.push('shared_with');
  return restricted.sort();
}
