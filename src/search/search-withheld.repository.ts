// What a page of hits needs to say which of its records' fields are withheld from the reader: each
// record's owner, visibility and restricted fields, read through the access filter like the hits.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { OWNED_TABLES } from '../records/owned-tables.ts';
import { SEARCH_KINDS } from './search.schema.ts';

/** The kinds of record that restrict fields (migration 112) and search finds, and their tables. */
const RESTRICTING_TABLES: Record<string, string> = Object.fromEntries(
  Object.entries(OWNED_TABLES).filter(([kind]) => (SEARCH_KINDS as readonly string[]).includes(kind)),
);

export interface HitRestriction {
  owner_org_id: string;
  visibility: string;
  field_visibility: Record<string, string>;
}

/** The restrictions of the hits' records, keyed "kind id". */
export async function hitRestrictions(
  db: Queryable,
  viewer: Viewer,
  hits: { kind: string; record_id: string }[],
): Promise<Map<string, HitRestriction>> {
  const parts = Object.entries(RESTRICTING_TABLES).flatMap(([kind, table]) => {
    const ids = hits.filter((h) => h.kind === kind).map((h) => h.record_id);
    return ids.length
      ? [
          sql`SELECT ${kind}::text AS kind, r.id, r.owner_org_id, r.visibility, r.field_visibility
          FROM ${sql.raw(table)} r WHERE r.id = ANY(${ids}::uuid[]) AND ${visibleTo(viewer, 'r')}`,
        ]
      : [];
  });
  if (!parts.length) return new Map();
  const rows = await db.query<HitRestriction & { kind: string; id: string }>(sql.join(parts, ' UNION ALL '));
  return new Map(rows.map((r) => [`${r.kind} ${r.id}`, r]));
}
