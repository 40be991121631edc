// The IATI rules behind the HTTP routes: who may start an import, the job that runs it in the
// background with progress to poll, and the export for a viewer.
import fs from 'node:fs';
import path from 'node:path';
import { ownerOrgFor } from '../access/permissions.ts';
import { orgIdsOf, type Viewer } from '../access/viewer.ts';
import type { Database } from '../db/client.ts';
import { publishersService } from '../publishers/publishers.service.ts';
import { errors } from '../server/errors.ts';
import { createImportJob, findImportJob, type ImportJobRow } from './iati.repository.ts';
import { importIatiFiles } from './import.service.ts';

/**
 * Records an import job for an uploaded file and starts it without waiting: the caller polls
 * `getImportJob`. The file is removed when the job ends.
 */
/**
 * Removes an uploaded file and then the temporary directory the route saved it in, once that is
 * empty: removing the file alone left one empty directory behind per upload.
 */
export function discardUpload(file: string) {
  fs.rmSync(file, { force: true });
  try {
    fs.rmdirSync(path.dirname(file));
  } catch {
    // Not empty, or already gone: nothing of ours is left to remove.
  }
}

export async function startImportJob(
  db: Database,
  viewer: Viewer,
  upload: { path: string; filename: string },
  options: { publisher?: string; orgId?: string },
): Promise<ImportJobRow> {
  let orgId: string;
  try {
    orgId = ownerOrgFor(viewer, options.orgId);
  } catch (err) {
    discardUpload(upload.path);
    throw err;
  }
  const id = await createImportJob(db, {
    requestedBy: viewer.userId,
    orgId,
    publisher: options.publisher ?? null,
    files: [upload.filename],
    bytesTotal: fs.statSync(upload.path).size,
  });
  // The upload writes only for its organisation: activities under the publisher refs verified for
  // it, and projects it owns (import-authority.ts).
  const verifiedRefs = await publishersService.verifiedRefs(db, orgId);
  // The import records its own failure in the job row; nothing is left to await here.
  void importIatiFiles(db, [upload.path], {
    publisher: options.publisher,
    jobId: id,
    uploader: { orgId, verifiedRefs, viewer },
    fileNames: [upload.filename],
  })
    .catch(() => undefined)
    .finally(() => discardUpload(upload.path));
  return (await findImportJob(db, id, 'all'))!;
}

export async function getImportJob(db: Database, viewer: Viewer, id: string): Promise<ImportJobRow> {
  const job = await findImportJob(db, id, orgIdsOf(viewer));
  if (!job) throw errors.notFound('import job', id);
  return job;
}
