// Reviews: periodic scorings of a project, each score stored with its scale.
// The rules of this kind, on top of those every owned record shares (records.service.ts).
import { rowResponse } from '../records/owned.schema.ts';
import type { RecordRow } from '../records/record-table.ts';
import { recordsService } from '../records/records.service.ts';
import { reviewsTable } from './reviews.repository.ts';

export const reviewsService = recordsService<RecordRow, { kind?: string }, unknown>(reviewsTable, {
  toResponse: (row) => rowResponse(reviewsTable.columns, row),
});
