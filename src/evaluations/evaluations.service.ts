// Evaluations: independent or internal, with findings per criterion and who was consulted.
// The rules of this kind, on top of those every owned record shares (records.service.ts).
import { rowResponse } from '../records/owned.schema.ts';
import type { RecordRow } from '../records/record-table.ts';
import { recordsService } from '../records/records.service.ts';
import { evaluationsTable, type Filters } from './evaluations.repository.ts';

export const evaluationsService = recordsService<RecordRow, Filters, unknown>(evaluationsTable, {
  toResponse: (row) => rowResponse(evaluationsTable.columns, row),
});
