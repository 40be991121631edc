// Recommendations and their follow-through: management response, key actions with owners and
// due dates, a status history, and "overdue" derived from the key actions (never stored stale).
// The rules of this kind, on top of those every owned record shares (records.service.ts).
import { rowResponse } from '../records/owned.schema.ts';
import type { RecordRow } from '../records/record-table.ts';
import { recordsService } from '../records/records.service.ts';
import { errors } from '../server/errors.ts';
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

type Rating = { rating: string } | null;

/** Both organisations rated the implementation (neither "not rated") and do not agree. */
export function ratingsDisagree(own: Rating, validation: Rating): boolean {
  if (!own || !validation || own.rating === 'not_rated' || validation.rating === 'not_rated') return false;
  return own.rating !== validation.rating;
}

/** No key action can fall due before the recommendation was made. */
function assertDueAfterIssue(issuedOn: unknown, actions: unknown) {
  if (typeof issuedOn !== 'string' || !Array.isArray(actions)) return;
  actions.forEach((a: { due_on?: string | null }, i) => {
    if (a.due_on && a.due_on < issuedOn)
      throw errors.invalidField(
        `key_actions.${i}.due_on`,
        `is ${a.due_on}, before the recommendation was made (issued_on ${issuedOn}); give a due date on or after it`,
      );
  });
}

export const recommendationsService = recordsService<RecordRow, Filters, unknown>(recommendationsTable, {
  toResponse: (row) => ({
    ...rowResponse(recommendationsTable.columns, row),
    overdue: row.overdue,
    history: row.history,
    progress: row.progress,
    self_rating: row.self_rating ?? null,
    validation_rating: row.validation_rating ?? null,
    ratings_disagree: ratingsDisagree(row.self_rating as Rating, row.validation_rating as Rating),
    responsible_org_ids: row.responsible_org_ids,
  }),
  async prepare(_tx, _viewer, input, current) {
    const issuedOn = input.issued_on !== undefined ? input.issued_on : current?.issued_on;
    assertDueAfterIssue(issuedOn, input.key_actions ?? current?.key_actions);
    return input;
  },
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
