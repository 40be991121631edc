// The SQL of IATI import: one statement per table per batch (INSERT … SELECT FROM unnest of
// column arrays), because a round trip per row is what makes PGlite slow. Every function takes
// the transaction it runs in, so a batch commits whole or not at all.
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { OrgCandidate } from './map.ts';

/** One column of a bulk insert: its name, its Postgres array element type and its values. */
type Column = [name: string, type: string, values: unknown[]];

export async function insertRows(
  tx: Queryable,
  table: string,
  columns: Column[],
  suffix: Sql = sql.empty,
): Promise<void> {
  if (!columns[0] || columns[0][2].length === 0) return;
  const names = sql.raw(columns.map((c) => c[0]).join(', '));
  const arrays = sql.join(columns.map(([, type, values]) => sql`${values}::${sql.raw(type)}[]`));
  await tx.query(sql`INSERT INTO ${sql.raw(table)} (${names}) SELECT * FROM unnest(${arrays}) ${suffix}`);
}

export interface ExistingActivity {
  project_id: string;
  import_key: string | null;
  iati_identifier: string | null;
  owner_org_id: string;
  publisher: string | null;
  source_hash: string | null;
  last_updated: string | null;
  has_source: boolean;
}

/** Projects already holding one of these import keys or IATI identifiers, with who published them. */
export async function findExistingActivities(tx: Queryable, keys: string[]): Promise<ExistingActivity[]> {
  return tx.query<ExistingActivity>(sql`
    SELECT p.id AS project_id, a.import_key, p.iati_identifier, p.owner_org_id,
      COALESCE(a.reporting_org_ref, o.iati_ref) AS publisher, a.source_hash,
      a.last_updated::text AS last_updated, a.project_id IS NOT NULL AS has_source
    FROM projects p
    JOIN organisations o ON o.id = p.owner_org_id
    LEFT JOIN iati_activities a ON a.project_id = p.id
    WHERE p.iati_identifier = ANY(${keys}::text[]) OR a.import_key = ANY(${keys}::text[])`);
}

const orgKey = (o: { ref?: string | null; name: string }) =>
  o.ref ? `ref:${o.ref}` : `name:${o.name.toLowerCase()}`;

export { orgKey };

/**
 * Resolves organisations to ids: by IATI ref first, then by name or alias (case-insensitive);
 * creates those not found. Returns ids keyed by `orgKey`.
 */
export async function resolveOrganisations(
  tx: Queryable,
  candidates: OrgCandidate[],
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
    }
  };
  await lookup([...unique.values()]);
  const missing = [...unique.values()].filter((c) => !result.has(orgKey(c)));
  if (missing.length) {
    // Two candidates in one batch may share a name: insert each name once, then look all up again.
    const byName = new Map(missing.map((c) => [c.name.toLowerCase(), c]));
    const rows = [...byName.values()];
    await insertRows(
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

export interface ImportJobRow {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  publisher: string | null;
  files: string[];
  files_done: number;
  bytes_total: number;
  bytes_done: number;
  activities_read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  duplicates: number;
  issues: unknown[];
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export async function createImportJob(
  db: Queryable,
  job: {
    requestedBy: string | null;
    orgId: string | null;
    publisher: string | null;
    files: string[];
    bytesTotal: number;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(sql`
    INSERT INTO iati_import_jobs (requested_by, org_id, publisher, files, bytes_total)
    VALUES (${job.requestedBy}, ${job.orgId}, ${job.publisher}, ${job.files}::text[], ${job.bytesTotal})
    RETURNING id`);
  return row!.id;
}

export interface JobProgress {
  status: ImportJobRow['status'];
  filesDone: number;
  bytesDone: number;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  duplicates: number;
  issues: unknown[];
  error?: string;
}

export async function updateImportJob(db: Queryable, id: string, p: JobProgress): Promise<void> {
  const finished = p.status === 'done' || p.status === 'failed';
  await db.query(sql`
    UPDATE iati_import_jobs SET status = ${p.status}, files_done = ${p.filesDone}, bytes_done = ${p.bytesDone},
      activities_read = ${p.read}, created = ${p.created}, updated = ${p.updated}, unchanged = ${p.unchanged},
      rejected = ${p.rejected}, duplicates = ${p.duplicates}, issues = ${JSON.stringify(p.issues)}::jsonb,
      error = ${p.error ?? null}, started_at = COALESCE(started_at, now()),
      finished_at = ${finished ? sql`now()` : sql`NULL`}
    WHERE id = ${id}`);
}

/** A job, only for the organisations the caller belongs to (jobs are not public records). */
export async function findImportJob(
  db: Queryable,
  id: string,
  orgIds: string[] | 'all',
): Promise<ImportJobRow | undefined> {
  const scope = orgIds === 'all' ? sql`TRUE` : sql`org_id = ANY(${orgIds}::uuid[])`;
  const [row] = await db.query<ImportJobRow>(sql`
    SELECT id, status, publisher, files, files_done, bytes_total, bytes_done, activities_read, created, updated,
      unchanged, rejected, duplicates, issues, error, created_at::text, started_at::text, finished_at::text
    FROM iati_import_jobs WHERE id = ${id} AND ${scope}`);
  return row;
}
