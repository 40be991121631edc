// Worker thread of `tacit import`: reads one file and extracts its draft, CPU-bound work kept off
// the main thread, which owns the database. Organisations are resolved by the main thread, against
// the registry as it is when the draft is stored.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { IngestError } from '../../ingest/errors.ts';
import { readDocument } from '../../ingest/readers/index.ts';
import { ACCEPTED_FORMATS } from '../documents.schema.ts';
import { draftFromModel } from '../draft.ts';
import type { ExtractJob, ExtractOutcome } from './pool.ts';

async function extract(job: ExtractJob): Promise<ExtractOutcome> {
  const filename = path.basename(job.path);
  const mediaType = ACCEPTED_FORMATS[path.extname(filename).toLowerCase()];
  if (!mediaType) {
    return {
      ok: false,
      code: 'unsupported_format',
      message: `Tacit does not read ${path.extname(filename) || 'files without an extension'}; use one of ${Object.keys(ACCEPTED_FORMATS).join(', ')}.`,
    };
  }
  const bytes = fs.readFileSync(job.path);
  const read = await readDocument({ bytes, filename, mediaType });
  // A bug in an extractor must not lose the file: it is stored without a draft, as on upload.
  const draft = await draftFromModel(read.model, undefined, job.kind).catch(() => null);
  return {
    ok: true,
    filename,
    mediaType,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text: read.model.text,
    draft,
  };
}

parentPort!.on('message', async (job: ExtractJob) => {
  let outcome: ExtractOutcome;
  try {
    outcome = await extract(job);
  } catch (err) {
    outcome =
      err instanceof IngestError
        ? { ok: false, code: err.code, message: err.message }
        : { ok: false, code: 'read_failed', message: (err as Error).message };
  }
  parentPort!.postMessage({ id: job.id, outcome });
});
