// Facet counts of a search's matches, from the facet line each index entry keeps.
import { sql } from '../db/sql.ts';
import { FACETS, type FacetName } from './search.schema.ts';

/** How many matches hold each value of each facet. */
export type FacetCounts = Record<FacetName, Map<string, number>>;

// Each facet's values over all the matches, in one pass, as text: the embedded engine took about
// twice as long to count them in ten grouped passes as to hand the text over, and Node counts
// them in a millisecond or two. Each entry keeps its values as one line (migration 056): its
// fields in FACETS order, a list's items apart, lines apart.
const LINE_APART = '\u001e';
const FIELD_APART = '\u001f';
const ITEM_APART = '\u001d';
export const FACET_LINES_SQL = sql`SELECT string_agg(e.facet_line, ${LINE_APART}) AS lines FROM hits e`;

/**
 * How many matches hold each value of each facet, from their facet lines. Each field is counted
 * whole first and split into its items once per distinct text: matches share most of their fields
 * (2,282 matches of 'governance' hold 555 distinct lists of organisations), and splitting every
 * field took a third longer (3.9 ms against 2.9 for those matches).
 */
export function countValues(lines: string | null): FacetCounts {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  if (!lines) return counts;
  const fieldsByFacet = FACETS.map(() => new Map<string, number>());
  for (const line of lines.split(LINE_APART)) {
    const fields = line.split(FIELD_APART);
    for (let i = 0; i < fieldsByFacet.length; i++) {
      const field = fields[i];
      if (!field) continue;
      const seen = fieldsByFacet[i]!;
      seen.set(field, (seen.get(field) ?? 0) + 1);
    }
  }
  FACETS.forEach((facet, i) => {
    const values = counts[facet];
    for (const [field, n] of fieldsByFacet[i]!) {
      for (const v of field.includes(ITEM_APART) ? field.split(ITEM_APART) : [field])
        values.set(v, (values.get(v) ?? 0) + n);
    }
  });
  return counts;
}

/** Values shown per facet; the service cuts ties at this place. */
export const FACET_VALUES = 30;
