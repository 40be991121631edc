// Organisations' names for the facets search shows, kept per database at one names version.
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

// Organisations' names by id, per database, valid at one names version (migration 035): every
// statement that changes an organisation changes the version, so the names of the organisations
// a facet shows cost no round trip once read. The first read at a version takes the first
// NAMES_AT_ONCE names as well: each search's facet shows different organisations, and a registry
// of a few thousand then needs no other round trip.
const MAX_NAMES = 50_000;
const NAMES_AT_ONCE = 5_000;
const namesKept = new WeakMap<Queryable, { version: number; names: Map<string, string> }>();

/** The names of the organisations `ids`, at the names version `version` that search just read. */
export async function organisationNames(db: Queryable, ids: string[], version: number) {
  let kept = namesKept.get(db);
  if (!kept || kept.version !== version || kept.names.size > MAX_NAMES) {
    kept = { version, names: new Map() };
    namesKept.set(db, kept);
  }
  const names = kept.names;
  const missing = ids.filter((id) => !names.has(id));
  if (missing.length) {
    const others = names.size
      ? sql``
      : sql`UNION SELECT * FROM (SELECT id::text AS id, name FROM organisations LIMIT ${NAMES_AT_ONCE}) o`;
    const rows = await db.query<{ id: string; name: string }>(
      sql`SELECT id::text AS id, name FROM organisations WHERE id = ANY(${missing}::uuid[]) ${others}`,
    );
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}
