// Cursor pagination on each table's `seq` column (newest first): stable under inserts, and an
// index lookup however deep the page.
import { InvalidInputError } from './errors.ts';
import { type Sql, sql } from './sql.ts';

export function encodeCursor(seq: number): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  const match = /^s:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw new InvalidInputError('cursor', 'is not a cursor this API gave out; start again without it');
  return Number(match[1]);
}

/** Condition and ordering for one page; fetch limit + 1 rows and pass them to `toPage`. */
export function pageClause(alias: string, cursor: string | undefined): Sql {
  const seq = decodeCursor(cursor);
  return seq === undefined ? sql`TRUE` : sql`${sql.raw(alias)}.seq < ${seq}`;
}

export function toPage<T extends { seq: number }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
}
