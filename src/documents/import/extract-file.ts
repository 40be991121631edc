// Reads one file and extracts its draft: the CPU-bound part of `tacit import` and of an upload, run
// by the extraction workers and, for `tacit import` when it has nothing to write, by the main
// thread. `tacit import` resolves organisations on the main thread, against the registry as it is
// when the draft is stored; an upload sends the registry's names with the file, as the draft of an
// upload has always been extracted with them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IngestError } from '../../ingest/errors.ts';
import { readDocument } from '../../ingest/readers/index.ts';
import { createRegistryResolver, type RegistryEntry } from '../../ingest/recognise/organisations.ts';
import { ACCEPTED_FORMATS } from '../documents.schema.ts';
import { type Draft, draftFromModel } from '../draft.ts';

/** A file on disk (`tacit import`), or one already in memory with the registry's names (an upload). */
export type ExtractJob = { id: number; kind?: string } & (
  | { path: string }
  | { file: { filename: string; mediaType: string; bytes: Uint8Array }; organisations: RegistryEntry[] }
);

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
  | { ok: false; code: string; message: string; details?: Record<string, unknown> };

async function extractInMemory(job: Extract<ExtractJob, { file: unknown }>): Promise<ExtractOutcome> {
  const { filename, mediaType } = job.file;
  const bytes = Buffer.from(job.file.bytes.buffer, job.file.bytes.byteOffset, job.file.bytes.byteLength);
  const read = await readDocument({ bytes, filename, mediaType });
  const resolver = createRegistryResolver(job.organisations);
  // A bug in an extractor must not lose the file: it is stored without a draft.
  const draft = await draftFromModel(read.model, resolver, job.kind).catch((err) => {
    if (err instanceof IngestError) throw err;
    console.error('extraction failed:', err);
    return null;
  });
  return { ok: true, filename, mediaType, bytes, sha256: sha256Of(bytes), text: read.model.text, draft };
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function extract(job: ExtractJob): Promise<ExtractOutcome> {
  if ('file' in job) return extractInMemory(job);
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
    sha256: sha256Of(bytes),
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
      ? { ok: false, code: err.code, message: err.message, details: err.details }
      : { ok: false, code: 'read_failed', message: (err as Error).message };
  }
}
