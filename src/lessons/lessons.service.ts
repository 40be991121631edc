// Lessons learned and good practices, with the themes and countries they speak to.
// The rules of this kind, on top of those every owned record shares (records.service.ts).
import { rowResponse } from '../records/owned.schema.ts';
import type { RecordRow } from '../records/record-table.ts';
import { recordsService } from '../records/records.service.ts';
import { type Filters, lessonsTable } from './lessons.repository.ts';

export const lessonsService = recordsService<RecordRow, Filters, unknown>(lessonsTable, {
  toResponse: (row) => rowResponse(lessonsTable.columns, row),
});
