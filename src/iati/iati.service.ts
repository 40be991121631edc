// The IATI rules behind the HTTP routes: who may start an import, the job that runs it in the
// background with progress to poll, and the export for a viewer.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ownerOrgFor } from '../access/permissions.ts';
import { orgIdsOf, type Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database } from '../db/client.ts';
import { PublisherRefCreate } from '../publishers/publishers.schema.ts';
import { publishersService } from '../publishers/publishers.service.ts';
import { errors } from '../server/errors.ts';
import { Id } from '../server/schemas.ts';
import { exportIati } from './export.ts';
import { iatiImportService } from './import.service.ts';
import { createImportJob, findImportJob, type ImportJobRow } from './import-jobs.repository.ts';

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

const ImportFields = z.strictObject({
  publisher: PublisherRefCreate.shape.ref.optional(),
  owner_org_id: Id.optional(),
});
type ImportFields = z.infer<typeof ImportFields>;

/** The upload's form fields: known ones only, each valid, or a 422 naming the field. */
function parseImportFields(fields: Record<string, string>): ImportFields {
  const parsed = ImportFields.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0]! : issue.path.join('.');
  throw errors.invalidField(
    field,
    issue.code === 'unrecognized_keys'
      ? 'is not a field of an IATI import (file, publisher, owner_org_id)'
      : issue.message,
  );
}

async function startImportJob(
  db: Database,
  viewer: Viewer,
  upload: { path: string; filename: string },
  fields: Record<string, string>,
): Promise<ImportJobRow> {
  let orgId: string;
  let options: ImportFields;
  let verifiedRefs: Set<string>;
  try {
    options = parseImportFields(fields);
    orgId = ownerOrgFor(viewer, options.owner_org_id);
    // The upload writes only for its organisation: activities under the publisher refs verified
    // for it, and projects it owns (import-authority.ts).
    verifiedRefs = await publishersService.verifiedRefs(db, orgId);
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
  await recordAudit(db, viewer, {
    action: 'import',
    entityType: 'iati_import',
    entityId: id,
    orgId,
    details: {
      label: upload.filename,
      publisher: options.publisher ?? null,
      job: `/api/v1/imports/iati/${id}`,
    },
  });
  // The import records its own failure in the job row; nothing is left to await here.
  void iatiImportService
    .importFiles(db, [upload.path], {
      publisher: options.publisher,
      jobId: id,
      uploader: { orgId, verifiedRefs, viewer },
      fileNames: [upload.filename],
    })
    .catch(() => undefined)
    .finally(() => discardUpload(upload.path));
  return (await findImportJob(db, id, 'all'))!;
}

async function getImportJob(db: Database, viewer: Viewer, id: string): Promise<ImportJobRow> {
  const job = await findImportJob(db, id, orgIdsOf(viewer));
  if (!job) throw errors.notFound('import job', id);
  return job;
}

/** The HTTP import job: started from an upload, run in the background, read back by its id. */
export const iatiService = { startImportJob, getImportJob, exportActivities: exportIati };
