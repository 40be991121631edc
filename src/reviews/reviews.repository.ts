// Reviews: periodic scorings of a project, each score stored with its scale.
// The table as the shared records repository reads and writes it: the columns input may set,
// derived fields and the list filters, as SQL over alias `r`.
import { sql } from '../db/sql.ts';
import { filled, listed, presentElements } from '../quality/present-elements.repository.ts';
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
  completeness: {
    kind: 'review',
    present: presentElements('review', {
      period: sql`((r.period_start IS NOT NULL AND r.period_end IS NOT NULL) OR ${filled('period_label')})`,
      overall_score: filled('overall_score'),
      project: sql`r.project_id IS NOT NULL`,
      progress: listed('progress', true),
      outcome_score: filled('outcome_score'),
      output_scores: listed('output_scores', true),
      narrative: filled('narrative'),
      risk_rating: filled('risk_rating'),
    }),
  },
  filters: (q) => (q.kind ? [sql`r.kind = ${q.kind}`] : []),
};
