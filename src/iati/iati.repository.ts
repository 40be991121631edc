// The SQL of IATI import: which activities exist, the organisations they name, and the IATI record
// of each activity, one statement per table per batch (db/bulk.ts); project rows are written by the
// projects repository. Every function takes the transaction it runs in, so a batch commits whole
// or not at all.
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import { insertColumns, insertJsonRows } from '../db/bulk.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import type { BulkProject } from '../projects/project-rows.ts';
import {
  deleteProjectChildren,
  insertProjectDetails,
  insertProjectFacets,
  upsertBulkProjects,
} from '../projects/projects-bulk.repository.ts';
import { type ActivityRows, ROW_COLUMNS, type RowTable } from './activity-rows.ts';
import type { OrgCandidate } from './map.ts';

const gunzipAsync = promisify(gunzip);

export interface ExistingActivity {
  project_id: string;
  import_key: string | null;
  iati_identifier: string | null;
  owner_org_id: string;
  publisher: string | null;
  source_hash: string | null;
  last_updated: string | null;
  has_source: boolean;
  /** Whether the uploader may see the project (always, for the operator's own imports). */
  visible: boolean;
  /** In the trash (src/trash/): only its owner may bring it back, and an import never does. */
  deleted: boolean;
}

/**
 * Projects already holding one of these import keys or IATI identifiers, with who published them.
 * Each key is looked up in its own unique index: an OR across the two joined tables made the
 * planner scan both, a cost that grew with every batch imported. Every holder is returned, because
 * several organisations and publishers may hold one identifier; `visible` says which ones `viewer`
 * may see, and the importer answers as if the others did not exist.
 */
export async function findExistingActivities(
  tx: Queryable,
  keys: string[],
  viewer?: Viewer,
): Promise<ExistingActivity[]> {
  return tx.query<ExistingActivity>(sql`
    SELECT p.id AS project_id, a.import_key, p.iati_identifier, p.owner_org_id,
      COALESCE(a.reporting_org_ref, o.iati_ref) AS publisher, a.source_hash,
      a.last_updated::text AS last_updated, a.project_id IS NOT NULL AS has_source,
      ${viewer ? visibleTo(viewer, 'p') : sql`TRUE`} AS visible, p.visibility = 'deleted' AS deleted
    FROM projects p
    JOIN organisations o ON o.id = p.owner_org_id
    LEFT JOIN iati_activities a ON a.project_id = p.id
    WHERE p.id IN (
      SELECT id FROM projects WHERE iati_identifier = ANY(${keys}::text[])
      UNION SELECT project_id FROM iati_activities WHERE import_key = ANY(${keys}::text[]))`);
}

export const orgKey = (o: { ref?: string | null; name: string }) =>
  o.ref ? `ref:${o.ref}` : `name:${o.name.toLowerCase()}`;

/**
 * Resolves organisations to ids: by IATI ref first, then by name or alias (case-insensitive);
 * creates those not found. Returns ids keyed by `orgKey`.
 */
export async function resolveOrganisations(
  tx: Queryable,
  candidates: OrgCandidate[],
  byNameDespiteRef?: Set<string>, // gets the keys of candidates whose ref no organisation holds, found by name
): Promise<Map<string, string>> {
  const unique = new Map(candidates.map((c) => [orgKey(c), c]));
  const result = new Map<string, string>();
  if (!unique.size) return result;
  const lookup = async (list: OrgCandidate[]) => {
    const refs = list.flatMap((c) => c.ref ?? []);
    const names = list.map((c) => c.name.toLowerCase());
    const rows = await tx.query<{
      id: string;
      iati_ref: string | null;
      lname: string;
      aliases: string[];
    }>(sql`
      SELECT id, iati_ref, lower(name) AS lname, aliases FROM organisations
      WHERE iati_ref = ANY(${refs}::text[]) OR lower(name) = ANY(${names}::text[])
        OR aliases && ${list.map((c) => c.name)}::text[]`);
    const byRef = new Map(rows.flatMap((r) => (r.iati_ref ? [[r.iati_ref, r.id]] : [])));
    const byName = new Map<string, string>();
    for (const r of rows) {
      byName.set(r.lname, r.id);
      for (const alias of r.aliases)
        if (!byName.has(alias.toLowerCase())) byName.set(alias.toLowerCase(), r.id);
    }
    for (const c of list) {
      const id = (c.ref && byRef.get(c.ref)) || byName.get(c.name.toLowerCase());
      if (id) result.set(orgKey(c), id);
      if (id && c.ref && !byRef.has(c.ref)) byNameDespiteRef?.add(orgKey(c));
    }
  };
  await lookup([...unique.values()]);
  const missing = [...unique.values()].filter((c) => !result.has(orgKey(c)));
  if (missing.length) {
    // Two candidates in one batch may share a name: insert each name once, then look all up again.
    const byName = new Map(missing.map((c) => [c.name.toLowerCase(), c]));
    const rows = [...byName.values()];
    await insertColumns(
      tx,
      'organisations',
      [
        ['name', 'text', rows.map((c) => c.name)],
        ['type', 'text', rows.map((c) => c.type)],
        ['iati_ref', 'text', rows.map((c) => c.ref ?? null)],
      ],
      sql`ON CONFLICT DO NOTHING`,
    );
    await lookup(missing);
  }
  return result;
}

/**
 * The source XML of an imported activity as it was stored: gzipped since migration 012, plain
 * text before. Undefined when the project has no IATI source.
 */
export async function readActivitySource(db: Queryable, projectId: string): Promise<string | undefined> {
  const [row] = await db.query<{ source_xml: string | null; source_gz: Uint8Array | null }>(
    sql`SELECT source_xml, source_gz FROM iati_activities WHERE project_id = ${projectId}`,
  );
  if (!row) return undefined;
  if (row.source_gz) return (await gunzipAsync(row.source_gz)).toString('utf8');
  return row.source_xml ?? undefined;
}

/** An activity to write: its project (rows for Tacit's tables and IATI's own, activity-rows.ts). */
export interface ActivityWrite extends BulkProject {
  rows: ActivityRows;
}

/** IATI's own child tables, written after the projects from the activities' rows. */
const IATI_DETAIL_TABLES = [
  'iati_transactions',
  'iati_planned_disbursements',
  'iati_budgets',
  'iati_results',
  'iati_document_links',
  'iati_policy_markers',
  'iati_related_activities',
] as const;

const rowsOf = (writes: ActivityWrite[], table: RowTable) =>
  writes.map((w) => ({ id: w.projectId, ownerOrgId: w.ownerOrgId, json: w.rows[table] }));

/**
 * Writes a batch of new and changed activities: projects upserted and their child rows replaced
 * (by the projects repository, in the order the search index needs), then the IATI record of each.
 */
export async function writeActivities(
  tx: Queryable,
  writes: ActivityWrite[],
  replacedProjectIds: string[],
  jobId: string | null,
): Promise<void> {
  if (!writes.length) return;
  if (replacedProjectIds.length) {
    await deleteProjectChildren(tx, replacedProjectIds);
    for (const table of IATI_DETAIL_TABLES) {
      await tx.query(
        sql`DELETE FROM ${sql.raw(table)} WHERE project_id = ANY(${replacedProjectIds}::uuid[])`,
      );
    }
  }
  await insertProjectFacets(tx, writes);
  await upsertBulkProjects(tx, writes);
  await insertJsonRows(tx, rowsOf(writes, 'iati_activities'), {
    table: 'iati_activities',
    idColumn: 'project_id',
    defs: ROW_COLUMNS.iati_activities,
    columns: sql`import_job_id`,
    values: sql`${jobId}::uuid`,
    // Already gzipped: stored as it comes (migration 012), sent as base64 text because a bytea[]
    // parameter costs PGlite half a millisecond a row to bind.
    convert: { source_gz: (v) => `decode(${v}, 'base64')` },
    suffix: sql`ON CONFLICT (project_id) DO UPDATE SET import_key = EXCLUDED.import_key,
      reporting_org_ref = EXCLUDED.reporting_org_ref, reporting_org_type = EXCLUDED.reporting_org_type,
      reporting_org_names = EXCLUDED.reporting_org_names, iati_version = EXCLUDED.iati_version,
      last_updated = EXCLUDED.last_updated, hierarchy = EXCLUDED.hierarchy, default_currency = EXCLUDED.default_currency,
      lang = EXCLUDED.lang, humanitarian = EXCLUDED.humanitarian, titles = EXCLUDED.titles,
      descriptions = EXCLUDED.descriptions, status_code = EXCLUDED.status_code, planned_start = EXCLUDED.planned_start,
      actual_start = EXCLUDED.actual_start, planned_end = EXCLUDED.planned_end, actual_end = EXCLUDED.actual_end,
      source_xml = NULL, source_gz = EXCLUDED.source_gz, source_hash = EXCLUDED.source_hash, source_file = EXCLUDED.source_file,
      import_job_id = EXCLUDED.import_job_id, imported_at = now()`,
  });
  await insertProjectDetails(tx, writes);
  for (const table of IATI_DETAIL_TABLES) {
    await insertJsonRows(tx, rowsOf(writes, table), {
      table,
      idColumn: 'project_id',
      defs: ROW_COLUMNS[table],
    });
  }
}
