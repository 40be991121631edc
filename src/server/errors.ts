// One error shape for the whole API: { error: { code, message, details } }, with stable codes.
// Services throw AppError; the layers below HTTP (db, access) throw their own errors, which
// asAppError maps; the renderer in error-handler.ts turns everything else into one too.
import { AccessDeniedError, SIGN_IN_MESSAGE } from '../access/errors.ts';
import { InvalidInputError } from '../db/errors.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const errors = {
  validation: (message: string, problems: FieldProblem[]) =>
    new AppError(422, 'validation_failed', message, problems),
  invalidField: (field: string, message: string) =>
    new AppError(422, 'validation_failed', `${field}: ${message}`, [{ field, message }]),
  notFound: (what: string, id: string) =>
    new AppError(404, 'not_found', `No ${what} with id ${id} exists, or you may not see it.`, { id }),
  unauthorized: (message = SIGN_IN_MESSAGE) => new AppError(401, 'unauthorized', message),
  forbidden: (message: string) => new AppError(403, 'forbidden', message),
  conflict: (code: string, message: string, details?: unknown) => new AppError(409, code, message, details),
  staleVersion: (what: string, sent: number, current: number) =>
    new AppError(
      409,
      'version_conflict',
      `This ${what} was changed by someone else (you sent version ${sent}, the current version is ${current}). ` +
        'Reload it, reapply your change and send the current version.',
      { sent, current },
    ),
  tooLarge: (limitBytes: number) =>
    new AppError(
      413,
      'payload_too_large',
      `The upload is larger than the limit of ${Math.round(limitBytes / 1024 / 1024)} MB. ` +
        'Split the file or ask an administrator to raise TACIT_MAX_UPLOAD_MB.',
      { limit_bytes: limitBytes },
    ),
  unsupportedType: (got: string, allowed: string[]) =>
    new AppError(
      415,
      'unsupported_media_type',
      `Files of type "${got}" are not accepted. Upload one of: ${allowed.join(', ')}.`,
      { allowed },
    ),
};

/** The API's error for one the code raised on purpose (its own, or a lower layer's); else undefined. */
export function asAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof InvalidInputError) return errors.invalidField(err.field, err.problem);
  if (err instanceof AccessDeniedError)
    return err.reason === 'unauthorized' ? errors.unauthorized(err.message) : errors.forbidden(err.message);
  return undefined;
}
