// Evaluations: independent or internal, with findings per criterion and who was consulted.
import { sql } from '../db/sql.ts';
import { rowResponse } from '../records/owned.schema.ts';
import type { RecordRow, RecordTable } from '../records/record-table.ts';
import { recordRoutes } from '../records/records.routes.ts';
import { recordsService } from '../records/records.service.ts';
import { Evaluation, EvaluationCreate, EvaluationListQuery, EvaluationUpdate } from './evaluations.schema.ts';

type Filters = { type?: string; criterion?: string };

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
  filters: (q) => [
    ...(q.type ? [sql`r.type = ${q.type}`] : []),
    ...(q.criterion ? [sql`r.findings @> ${JSON.stringify([{ criterion: q.criterion }])}::jsonb`] : []),
  ],
};

export const evaluationsService = recordsService<RecordRow, Filters, unknown>(evaluationsTable, {
  toResponse: (row) => rowResponse(evaluationsTable.columns, row),
});

export const evaluationRoutes = recordRoutes({
  tag: 'evaluations',
  noun: 'evaluation',
  service: evaluationsService,
  Create: EvaluationCreate,
  Update: EvaluationUpdate,
  Response: Evaluation,
  ListQuery: EvaluationListQuery,
});
