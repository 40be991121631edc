// Reviews: periodic scorings of a project, each score stored with its scale.
import { sql } from '../db/sql.ts';
import { rowResponse } from '../records/owned.schema.ts';
import type { RecordRow, RecordTable } from '../records/record-table.ts';
import { recordRoutes } from '../records/records.routes.ts';
import { recordsService } from '../records/records.service.ts';
import { Review, ReviewCreate, ReviewListQuery, ReviewUpdate } from './reviews.schema.ts';

export const reviewsTable: RecordTable<{ kind?: string }> = {
  table: 'reviews',
  entity: 'review',
  columns: {
    project_id: 'value',
    visibility: 'value',
    kind: 'value',
    period_label: 'value',
    period_start: 'value',
    period_end: 'value',
    scale: 'value',
    overall_score: 'value',
    outcome_score: 'value',
    risk_rating: 'value',
    output_scores: 'json',
    progress: 'json',
    narrative: 'value',
    document_id: 'value',
  },
  filters: (q) => (q.kind ? [sql`r.kind = ${q.kind}`] : []),
};

export const reviewsService = recordsService<RecordRow, { kind?: string }, unknown>(reviewsTable, {
  toResponse: (row) => rowResponse(reviewsTable.columns, row),
});

export const reviewRoutes = recordRoutes({
  tag: 'reviews',
  noun: 'review',
  service: reviewsService,
  Create: ReviewCreate,
  Update: ReviewUpdate,
  Response: Review,
  ListQuery: ReviewListQuery,
});
