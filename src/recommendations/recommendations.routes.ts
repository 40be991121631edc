// Recommendations and their follow-through: management response, key actions with owners and
// due dates, a status history, and "overdue" derived from the key actions (never stored stale).
import { sql } from '../db/sql.ts';
import { rowResponse } from '../records/owned.schema.ts';
import type { RecordRow, RecordTable } from '../records/record-table.ts';
import { recordRoutes } from '../records/records.routes.ts';
import { recordsService } from '../records/records.service.ts';
import {
  Recommendation,
  RecommendationCreate,
  RecommendationListQuery,
  RecommendationUpdate,
} from './recommendations.schema.ts';

type Filters = {
  status?: string;
  management_response?: string;
  source_type?: string;
  source_id?: string;
  country?: string;
  overdue?: boolean;
};

const OVERDUE = sql`EXISTS (SELECT 1 FROM jsonb_array_elements(r.key_actions) ka
  WHERE ka->>'status' IN ('not_started', 'in_progress') AND (ka->>'due_on')::date < current_date)`;

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
  derived: sql`${OVERDUE} AS overdue,
    COALESCE((SELECT json_agg(json_build_object('status', h.status, 'management_response', h.management_response,
      'note', h.note, 'changed_at', h.changed_at) ORDER BY h.id) FROM recommendation_status_history h
      WHERE h.recommendation_id = r.id), '[]') AS history`,
  filters: (q) => [
    ...(q.status ? [sql`r.status = ${q.status}`] : []),
    ...(q.management_response ? [sql`r.management_response = ${q.management_response}`] : []),
    ...(q.source_type ? [sql`r.source_type = ${q.source_type}`] : []),
    ...(q.source_id ? [sql`r.source_id = ${q.source_id}`] : []),
    ...(q.country ? [sql`r.country = ${q.country}`] : []),
    ...(q.overdue === true ? [OVERDUE] : q.overdue === false ? [sql`NOT ${OVERDUE}`] : []),
  ],
};

export const recommendationsService = recordsService<RecordRow, Filters, unknown>(recommendationsTable, {
  toResponse: (row) => ({
    ...rowResponse(recommendationsTable.columns, row),
    overdue: row.overdue,
    history: row.history,
  }),
  // The history gets a line whenever the status or the management response changes.
  async afterWrite(tx, viewer, id, input, before) {
    const status = (input.status as string | undefined) ?? (before?.status as string | undefined) ?? 'open';
    const response =
      input.management_response !== undefined
        ? (input.management_response as string | null)
        : ((before?.management_response as string | null) ?? null);
    if (before && status === before.status && response === before.management_response) return;
    await tx.query(sql`INSERT INTO recommendation_status_history (recommendation_id, status, management_response, note, changed_by)
      VALUES (${id}, ${status}, ${response}, ${(input.status_note as string | undefined) ?? null}, ${viewer.userId})`);
  },
});

export const recommendationRoutes = recordRoutes({
  tag: 'recommendations',
  noun: 'recommendation',
  service: recommendationsService,
  Create: RecommendationCreate,
  Update: RecommendationUpdate,
  Response: Recommendation,
  ListQuery: RecommendationListQuery,
});
