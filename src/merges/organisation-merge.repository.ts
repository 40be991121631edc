// SQL for merging one organisation into another: every column that names an organisation (found
// from the schema's foreign keys, the share lists and the meetings' organisation lists), the parent
// chain, and the directory rows themselves. organisation-merge.test.ts checks the list against the catalogue.
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { OWNED_TABLE_NAMES } from '../records/owned-tables.ts';
import type { Reference } from './row-changes.repository.ts';

/** Every reference to an organisation, in the order a merge moves them (undone in reverse). */
export const ORGANISATION_REFERENCES: Reference[] = [
  ...OWNED_TABLE_NAMES.flatMap((table): Reference[] => [
    { table, column: 'owner_org_id', key: ['id'], holds: 'id' },
    { table, column: 'shared_with', key: ['id'], holds: 'array' },
  ]),
  { table: 'assessments', column: 'organisation_id', key: ['id'], holds: 'id' },
  { table: 'meetings', column: 'organisations', key: ['id'], holds: 'json_org_ids' },
  {
    table: 'project_participants',
    column: 'org_id',
    key: ['project_id', 'org_id', 'role'],
    holds: 'id',
    uniqueWith: ['project_id', 'role'],
  },
  {
    table: 'memberships',
    column: 'org_id',
    key: ['user_id', 'org_id'],
    holds: 'id',
    uniqueWith: ['user_id'],
  },
  { table: 'invitations', column: 'org_id', key: ['token_hash'], holds: 'id' },
  { table: 'organisation_publisher_refs', column: 'org_id', key: ['ref'], holds: 'id' },
  { table: 'organisations', column: 'parent_id', key: ['id'], holds: 'id' },
  { table: 'organisations', column: 'created_by_org_id', key: ['id'], holds: 'id' },
  { table: 'audit_log', column: 'org_id', key: ['id'], holds: 'id' },
  { table: 'iati_import_jobs', column: 'org_id', key: ['id'], holds: 'id' },
  { table: 'key_action_progress', column: 'org_id', key: ['id'], holds: 'id' },
  { table: 'recommendation_ratings', column: 'org_id', key: ['id'], holds: 'id' },
  { table: 'action_links', column: 'org_id', key: ['id'], holds: 'id' },
  {
    table: 'digest_deliveries',
    column: 'org_id',
    key: ['id'],
    holds: 'id',
    uniqueWith: ['user_id', 'digest_date'],
  },
];

/** The directory fields a merge may change on the target, restored by an undo. */
export const TARGET_FIELDS = [
  'acronym',
  'aliases',
  'iati_ref',
  'country',
  'website',
  'version',
  'updated_at',
] as const;

export type OrganisationRow = {
  id: string;
  name: string;
  acronym: string | null;
  aliases: string[];
  iati_ref: string | null;
  country: string | null;
  website: string | null;
  parent_id: string | null;
  version: number;
  updated_at: string;
} & Record<string, unknown>;

export const organisationMergeRepository = {
  /** The whole directory row, every column, as an undo puts it back. */
  async row(db: Queryable, id: string): Promise<OrganisationRow | undefined> {
    const rows = await db.query<{ row: OrganisationRow }>(
      sql`SELECT to_jsonb(o) AS row FROM organisations o WHERE o.id = ${id} FOR UPDATE`,
    );
    return rows[0]?.row;
  },

  /** The organisation's parent, its parent's parent, and so on up (a cycle is walked once). */
  async ancestors(db: Queryable, id: string): Promise<string[]> {
    const rows = await db.query<{ id: string }>(sql`WITH RECURSIVE up(id, parent_id) AS (
        SELECT id, parent_id FROM organisations WHERE id = ${id}
        UNION SELECT o.id, o.parent_id FROM organisations o JOIN up ON o.id = up.parent_id)
      SELECT id FROM up WHERE id <> ${id}`);
    return rows.map((r) => r.id);
  },

  /**
   * Codes, IATI identifiers and files each organisation holds once per organisation, held by both:
   * those projects or documents are the same twice and are merged first.
   */
  async sharedKeys(db: Queryable, sourceId: string, targetId: string): Promise<string[]> {
    const rows = await db.query<{ key: string }>(sql`
      SELECT 'project code ' || s.code AS key FROM projects s JOIN projects t
        ON lower(t.code) = lower(s.code) AND t.owner_org_id = ${targetId} WHERE s.owner_org_id = ${sourceId}
      UNION SELECT 'IATI identifier ' || s.iati_identifier FROM projects s JOIN projects t
        ON t.iati_identifier = s.iati_identifier AND t.owner_org_id = ${targetId} WHERE s.owner_org_id = ${sourceId}
      UNION SELECT 'document file ' || s.filename FROM documents s JOIN documents t
        ON t.sha256 = s.sha256 AND t.owner_org_id = ${targetId} WHERE s.owner_org_id = ${sourceId}
      ORDER BY 1`);
    return rows.map((r) => r.key);
  },

  async delete(db: Queryable, id: string): Promise<void> {
    await db.query(sql`DELETE FROM organisations WHERE id = ${id}`);
  },

  /** Sets the target's merged fields (TARGET_FIELDS) from `fields`: the merge's result, or the undo's. */
  async setTargetFields(
    db: Queryable,
    id: string,
    fields: Pick<OrganisationRow, (typeof TARGET_FIELDS)[number]>,
  ) {
    await db.query(sql`UPDATE organisations SET acronym = ${fields.acronym}, aliases = ${fields.aliases},
      iati_ref = ${fields.iati_ref}, country = ${fields.country}, website = ${fields.website},
      version = ${fields.version}, updated_at = ${fields.updated_at}::timestamptz WHERE id = ${id}`);
  },
};
