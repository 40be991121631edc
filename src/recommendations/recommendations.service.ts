// Recommendations and their follow-through: management response, key actions with owners and
// due dates, a status history, and "overdue" derived from the key actions (never stored stale).
// The rules of this kind, on top of those every owned record shares (records.service.ts).
import { rowResponse } from '../records/owned.schema.ts';
import type { RecordRow } from '../records/record-table.ts';
import { recordsService } from '../records/records.service.ts';
import {
  type Filters,
  recommendationsRepository,
  recommendationsTable,
} from './recommendations.repository.ts';

/** A new recommendation, or one whose status or management response is not what it was. */
export function statusChanged(
  before: RecordRow | undefined,
  status: string,
  response: string | null,
): boolean {
  return !before || status !== before.status || response !== before.management_response;
}

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
    if (!statusChanged(before, status, response)) return;
    await recommendationsRepository.addStatusHistory(tx, {
      recommendationId: id,
      status,
      managementResponse: response,
      note: (input.status_note as string | undefined) ?? null,
      changedBy: viewer.userId,
    });
  },
});
