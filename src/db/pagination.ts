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

/**
 * Pages of a list ordered by a small integer rank first (e.g. overdue before the rest), then newest
 * first: the cursor carries both, so a page starts exactly after the last row of the one before.
 */
export function rankedPageClause(alias: string, rank: Sql, cursor: string | undefined): Sql {
  if (!cursor) return sql`TRUE`;
  const match = /^r:(\d+):(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw new InvalidInputError('cursor', 'is not a cursor this API gave out; start again without it');
  const [r, s] = [Number(match[1]), Number(match[2])];
  return sql`(${rank} > ${r} OR (${rank} = ${r} AND ${sql.raw(alias)}.seq < ${s}))`;
}

export function toRankedPage<T extends { seq: number; list_rank: number }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const cursor = last && Buffer.from(`r:${last.list_rank}:${last.seq}`).toString('base64url');
  return { items, next_cursor: rows.length > limit && cursor ? cursor : null };
}
