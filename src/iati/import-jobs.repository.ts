import type { z } from 'zod';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import type { ImportJob } from './iati.schema.ts';
import type { ImportReport } from './import-options.ts';

/** A job as the API returns it. */
export type ImportJobRow = z.output<typeof ImportJob>;

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

/** What the importer writes to its job as it goes: its report's counts, and where it is. */
export type JobProgress = Pick<
  ImportReport,
  'created' | 'updated' | 'unchanged' | 'rejected' | 'duplicates' | 'read'
> & {
  status: ImportJobRow['status'];
  filesDone: number;
  bytesDone: number;
  issues: ImportReport['issues'];
  error?: string;
};

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
