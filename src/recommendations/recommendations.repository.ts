// Recommendations and their follow-through: management response, key actions with owners and
// due dates, a status history, and "overdue" derived from the key actions (never stored stale).
// The table as the shared records repository reads and writes it: the columns input may set,
// derived fields and the list filters, as SQL over alias `r`.
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { RecordTable } from '../records/record-table.ts';

export type Filters = {
  status?: string;
  management_response?: string;
  source_type?: string;
  source_id?: string;
  country?: string;
  overdue?: boolean;
};

/**
 * A key action still to be done, over `alias` (one element of key_actions). The API stores every
 * key action with a status; one without (written by other means) has not started.
 */
export const openKeyAction = (alias: string): Sql =>
  sql`coalesce(${sql.raw(alias)}->>'status', 'not_started') IN ('not_started', 'in_progress')`;

/** Overdue: an open key action is past its due date (derived on read, never stored stale). */
export const isOverdue = sql`EXISTS (SELECT 1 FROM jsonb_array_elements(r.key_actions) ka
  WHERE ${openKeyAction('ka')} AND (ka->>'due_on')::date < current_date)`;

export const recommendationsTable: RecordTable<Filters> = {
  table: 'recommendations',
  entity: 'recommendation',
  columns: {
    project_id: 'value',
    visibility: 'value',
    source_type: 'value',
    source_id: 'value',
    number: 'value',
    text: 'value',
    category: 'value',
    addressee: 'value',
    country: 'value',
    management_response: 'value',
    response_text: 'value',
    status: 'value',
    key_actions: 'json',
  },
  derived: sql`${isOverdue} AS overdue,
    COALESCE((SELECT json_agg(json_build_object('status', h.status, 'management_response', h.management_response,
      'note', h.note, 'changed_at', h.changed_at) ORDER BY h.id) FROM recommendation_status_history h
      WHERE h.recommendation_id = r.id), '[]') AS history`,
  filters: (q) => [
    ...(q.status ? [sql`r.status = ${q.status}`] : []),
    ...(q.management_response ? [sql`r.management_response = ${q.management_response}`] : []),
    ...(q.source_type ? [sql`r.source_type = ${q.source_type}`] : []),
    ...(q.source_id ? [sql`r.source_id = ${q.source_id}`] : []),
    ...(q.country ? [sql`r.country = ${q.country}`] : []),
    ...(q.overdue === true ? [isOverdue] : q.overdue === false ? [sql`NOT ${isOverdue}`] : []),
  ],
};

export interface StatusChange {
  recommendationId: string;
  status: string;
  managementResponse: string | null;
  note: string | null;
  changedBy: string | null;
}

export const recommendationsRepository = {
  async addStatusHistory(tx: Queryable, c: StatusChange): Promise<void> {
    await tx.query(sql`INSERT INTO recommendation_status_history (recommendation_id, status, management_response, note, changed_by)
      VALUES (${c.recommendationId}, ${c.status}, ${c.managementResponse}, ${c.note}, ${c.changedBy})`);
  },
};
