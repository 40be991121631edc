// What one confirmation is doing, shared by the steps that write its records (confirm.service.ts).
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import type { ExtractedOrganisation, ExtractionRecord } from '../ingest/extraction-record.ts';
import type { Confirmation } from './confirm.schema.ts';
import type { ExtractionRow } from './documents.repository.ts';

export type Role = ExtractedOrganisation['role'];
export type Settled = { org_id: string; name: string; role: Role };

/** What one confirmation is doing: its transaction, who asks, the document and the tally. */
export interface Run {
  tx: Queryable;
  viewer: Viewer;
  doc: ExtractionRow;
  record: ExtractionRecord;
  /** Fields every record created here shares. */
  owned: { owner_org_id: string; visibility: string };
  result: Confirmation;
}

export const idOf = (response: unknown) => (response as { id: string }).id;
