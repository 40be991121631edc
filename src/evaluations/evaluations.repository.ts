// Evaluations: independent or internal, with findings per criterion and who was consulted.
// The table as the shared records repository reads and writes it: the columns input may set,
// derived fields and the list filters, as SQL over alias `r`.
import { sql } from '../db/sql.ts';
import { filled, listed, presentElements } from '../quality/present-elements.repository.ts';
import type { RecordTable } from '../records/record-table.ts';

export type Filters = { type?: string; criterion?: string };

export const evaluationsTable: RecordTable<Filters> = {
  table: 'evaluations',
  entity: 'evaluation',
  columns: {
    project_id: 'value',
    visibility: 'value',
    title: 'value',
    type: 'value',
    independent: 'value',
    evaluators: 'text[]',
    methods: 'text[]',
    field_missions: 'text[]',
    stakeholders_total: 'value',
    stakeholders_female: 'value',
    stakeholders_male: 'value',
    completed_on: 'value',
    summary: 'value',
    findings: 'json',
    document_id: 'value',
  },
  completeness: {
    kind: 'evaluation',
    present: presentElements('evaluation', {
      completed_on: sql`r.completed_on IS NOT NULL`,
      summary: filled('summary'),
      project: sql`r.project_id IS NOT NULL`,
      findings: listed('findings', true),
      evaluators: listed('evaluators'),
      methods: listed('methods'),
      stakeholders: sql`r.stakeholders_total IS NOT NULL`,
      field_missions: listed('field_missions'),
    }),
  },
  filters: (q) => [
    ...(q.type ? [sql`r.type = ${q.type}`] : []),
    ...(q.criterion ? [sql`r.findings @> ${JSON.stringify([{ criterion: q.criterion }])}::jsonb`] : []),
  ],
};
