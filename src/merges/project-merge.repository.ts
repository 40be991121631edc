// SQL for merging one project into another: the records that follow the project (moved to the one
// that stays), the rows that describe it (kept in the snapshot and removed with it), and the project
// rows themselves, read through the access filter. project-merge.test.ts checks both lists against
// the catalogue's foreign keys.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { OWNED_TABLE_NAMES } from '../records/owned-tables.ts';
import type { Reference } from './row-changes.repository.ts';

/** The project's records: documents, reviews (and their scores), evaluations, recommendations, … */
export const PROJECT_RECORDS: Reference[] = OWNED_TABLE_NAMES.filter((table) => table !== 'projects').map(
  (table) => ({
    table,
    column: 'project_id',
    key: ['id'],
    holds: 'id',
  }),
);

/** What describes the merged project itself, removed with it and put back by an undo. */
export const PROJECT_DETAILS = [
  'project_countries',
  'project_regions',
  'project_sectors',
  'project_themes',
  'project_participants',
  'budget_lines',
  'outputs',
  'indicators',
  'iati_activities',
  'iati_budgets',
  'iati_document_links',
  'iati_planned_disbursements',
  'iati_policy_markers',
  'iati_related_activities',
  'iati_results',
  'iati_transactions',
];

/** The fields the project that stays takes from the merged one when it has none. */
export const FILLED_FIELDS = [
  'code',
  'iati_identifier',
  'description',
  'start_date',
  'start_precision',
  'end_date',
  'end_precision',
] as const;

export type ProjectRow = {
  id: string;
  title: string;
  owner_org_id: string;
  version: number;
  updated_at: string;
} & Record<(typeof FILLED_FIELDS)[number], string | null> &
  Record<string, unknown>;

export const projectMergeRepository = {
  /** The whole project row, if the viewer may see it, locked for the merge. */
  async visibleRow(db: Queryable, viewer: Viewer, id: string): Promise<ProjectRow | undefined> {
    const rows = await db.query<{ row: ProjectRow }>(
      sql`SELECT to_jsonb(p) AS row FROM projects p WHERE p.id = ${id} AND ${visibleTo(viewer, 'p')} FOR UPDATE`,
    );
    return rows[0]?.row;
  },

  async delete(db: Queryable, id: string): Promise<void> {
    await db.query(sql`DELETE FROM projects WHERE id = ${id}`);
  },

  /** Sets the filled fields, the version and the time of the change (the merge's, or back to the undo's). */
  async setFields(
    db: Queryable,
    id: string,
    f: Pick<ProjectRow, (typeof FILLED_FIELDS)[number] | 'version' | 'updated_at'>,
  ) {
    await db.query(sql`UPDATE projects SET code = ${f.code}, iati_identifier = ${f.iati_identifier},
      description = ${f.description}, start_date = ${f.start_date}::date, start_precision = ${f.start_precision},
      end_date = ${f.end_date}::date, end_precision = ${f.end_precision},
      version = ${f.version}, updated_at = ${f.updated_at}::timestamptz WHERE id = ${id}`);
  },
};
