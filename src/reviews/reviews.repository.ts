// Reviews: periodic scorings of a project, each score stored with its scale.
// The table as the shared records repository reads and writes it: the columns input may set,
// derived fields and the list filters, as SQL over alias `r`.
import { sql } from '../db/sql.ts';
import type { RecordTable } from '../records/record-table.ts';

export const reviewsTable: RecordTable<{ kind?: string }> = {
  table: 'reviews',
  entity: 'review',
  restrictable: ['narrative', 'risk_rating'],
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
