// A multipart upload, read the same way by every route that takes one: one file in the field
// "file" (kept as its route needs: in memory, or streamed to disk), the other fields as text.
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, errors } from './errors.ts';

/**
 * The request's file, as `keep` stores it, and its other form fields. Not multipart is a 415;
 * no file, or two, a 422. `what` names the file in those messages ("the document").
 */
export async function readMultipart<Kept>(
  req: FastifyRequest,
  what: { upload: string; missing: string },
  keep: (part: MultipartFile) => Promise<Kept>,
): Promise<{ file: Kept; fields: Record<string, string> }> {
  if (!req.isMultipart())
    throw new AppError(
      415,
      'unsupported_media_type',
      `Upload ${what.upload} as multipart/form-data, in a field named "file".`,
    );
  const fields: Record<string, string> = {};
  let file: Kept | undefined;
  let files = 0;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (files++) throw errors.invalidField('file', 'send one file per request');
      file = await keep(part);
    } else fields[part.fieldname] = String(part.value);
  }
  if (!files)
    throw errors.invalidField('file', `is missing: send ${what.missing} in a form field named "file"`);
  return { file: file as Kept, fields };
}
