// Reads one file and extracts its draft: the CPU-bound part of `tacit import`, run by the extraction
// workers and, when it has nothing to write, by the main thread. Organisations are resolved by the
// main thread, against the registry as it is when the draft is stored.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IngestError } from '../../ingest/errors.ts';
import { readDocument } from '../../ingest/readers/index.ts';
import { ACCEPTED_FORMATS } from '../documents.schema.ts';
import { type Draft, draftFromModel } from '../draft.ts';

export interface ExtractJob {
  id: number;
  path: string;
  kind?: string;
}

export type ExtractOutcome =
  | {
      ok: true;
      filename: string;
      mediaType: string;
      bytes: Buffer;
      sha256: string;
      text: string;
      draft: Draft | null;
    }
  | { ok: false; code: string; message: string };

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

/** The outcome of one job; a file that cannot be read is a failed outcome, never an exception. */
export async function extractFile(job: ExtractJob): Promise<ExtractOutcome> {
  try {
    return await extract(job);
  } catch (err) {
    return err instanceof IngestError
      ? { ok: false, code: err.code, message: err.message }
      : { ok: false, code: 'read_failed', message: (err as Error).message };
  }
}
