// A record may name the document it was read from (`document_id`) and the review, evaluation or
// meeting its recommendation or lesson came from (`source_id`). Each must exist and be visible to
// the writer; a hidden one fails exactly like a missing one, with a 422 naming the field, so a
// link can never be used to learn that a private record exists.
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { errors } from '../server/errors.ts';
import { isLinkVisible, type LinkedTable } from './records.repository.ts';

const SOURCE_TABLES: Record<string, LinkedTable> = {
  review: 'reviews',
  evaluation: 'evaluations',
  meeting: 'meetings',
};

type Links = { document_id?: unknown; source_id?: unknown; source_type?: unknown };

export async function assertLinksVisible(
  tx: Queryable,
  viewer: Viewer,
  written: object,
  before: object | undefined,
): Promise<void> {
  const input = written as Links;
  const current = before as Links | undefined;
  if (
    typeof input.document_id === 'string' &&
    !(await isLinkVisible(tx, viewer, 'documents', input.document_id))
  )
    throw errors.invalidField('document_id', `no document ${input.document_id} exists that you can see`);
  // A new source type re-checks the source already linked, which must be of that type.
  const sourceId =
    input.source_id !== undefined
      ? input.source_id
      : input.source_type !== undefined
        ? current?.source_id
        : undefined;
  if (typeof sourceId !== 'string') return;
  const type = String(input.source_type ?? current?.source_type ?? 'other');
  const table = SOURCE_TABLES[type];
  if (!table)
    throw errors.invalidField(
      'source_type',
      'must be review, evaluation or meeting when source_id is given: the kind of record source_id names',
    );
  if (!(await isLinkVisible(tx, viewer, table, sourceId)))
    throw errors.invalidField('source_id', `no ${type} ${sourceId} exists that you can see`);
}
