// Describes one table of owned records (reviews, evaluations, recommendations, lessons, meetings)
// to the shared repository and service: which columns input may write, which hold JSON, and the
// resource's own list filters.
import type { Viewer } from '../access/viewer.ts';
import type { Sql } from '../db/sql.ts';
import type { ScoredKind } from '../quality/elements.ts';
import type { OwnedKind, OwnedTable } from './owned-tables.ts';

export interface RecordTable<TQuery> {
  /** Table name, chosen by code. */
  table: OwnedTable;
  /** Singular noun for messages and the audit log; the kind the trash knows it by. */
  entity: OwnedKind;
  /** Columns input may set, with how the value binds. */
  columns: Record<string, 'value' | 'json' | 'text[]'>;
  /** Columns a list reads, when reading every column (`r.*`) would drag large ones along. */
  listColumns?: Sql;
  /** Extra SELECT expressions over alias `r` (e.g. derived fields). */
  derived?: Sql;
  /** Sensitive fields an owner may show to fewer readers than the record (field_visibility). */
  restrictable?: readonly string[];
  /** Conditions over alias `r` for the resource's own filters (as `viewer` may apply them). */
  filters(query: TQuery, viewer: Viewer): Sql[];
  /** A small integer over alias `r` that lists order by before newest first (e.g. overdue first). */
  rank?: Sql;
  /**
   * The kind's completeness elements (reference/completeness.json) a row over alias `r` has, as a
   * text[] of their keys: read as `present_elements`, scored by the service, filtered by `incomplete`.
   */
  completeness?: { kind: ScoredKind; present: Sql };
}

/** What every owned record has. */
export interface OwnedRow {
  id: string;
  seq: number;
  owner_org_id: string;
  visibility: 'public' | 'network' | 'shared' | 'owner';
  shared_with: string[];
  embargo_until: string | null;
  field_visibility: Record<string, string>;
  project_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A row as read back: the owned fields, the owner's name, and the table's own columns. */
export type RecordRow = OwnedRow & { owner_name: string; [column: string]: unknown };
