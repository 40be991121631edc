// SQL: which completeness elements of a kind (reference/completeness.json) a row has, from one
// condition per element, as the text[] of their keys that the records' tables read.
import { type Sql, sql } from '../db/sql.ts';
import { ELEMENTS, type ScoredKind } from './elements.ts';

/** A text column over alias `r` that holds more than blanks. */
export const filled = (column: string) => sql`coalesce(btrim(${sql.raw(`r.${column}`)}), '') <> ''`;
/** A JSON array or SQL array column over alias `r` with at least one item. */
export const listed = (column: string, json = false) =>
  json
    ? sql`jsonb_array_length(${sql.raw(`r.${column}`)}) > 0`
    : sql`cardinality(${sql.raw(`r.${column}`)}) > 0`;

/**
 * The present elements' keys. Each element of the kind needs its condition and each condition
 * an element, so the file and the SQL cannot drift apart: a mismatch fails at start-up.
 */
export function presentElements(kind: ScoredKind, conditions: Record<string, Sql>): Sql {
  const keys = ELEMENTS[kind].map((e) => e.key);
  const given = Object.keys(conditions);
  if (keys.length !== given.length || keys.some((k) => !(k in conditions)))
    throw new Error(`completeness of ${kind}: reference names ${keys.join(', ')}; SQL ${given.join(', ')}`);
  return sql`array_remove(ARRAY[${sql.join(
    keys.map((k) => sql`CASE WHEN ${conditions[k]!} THEN ${sql.raw(`'${k}'`)} END`),
    ', ',
  )}]::text[], NULL)`;
}
