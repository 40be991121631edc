// Turns a database error that slipped past validation into an AppError in words, naming the field
// (the column PostgreSQL reports) and never the constraint: a constraint's name says how the
// schema is built and, for a foreign key, that a hidden row exists.
import { AppError } from './errors.ts';

interface PgError {
  code?: string;
  detail?: string;
  column?: string;
}

/** The column a violation is about: `Key (document_id)=(…)` in its detail, or the error's own. */
function fieldOf(err: PgError): string | undefined {
  const key = /^Key \(([^)]+)\)/.exec(err.detail ?? '')?.[1];
  const columns = key
    ?.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== 'owner_org_id');
  return columns?.length ? columns.join(', ') : err.column;
}

function problem(status: number, code: string, field: string | undefined, message: string) {
  const text = field ? `${field}: ${message}` : `${message[0]!.toUpperCase()}${message.slice(1)}.`;
  return new AppError(status, code, text, field ? [{ field, message }] : null);
}

export function fromDatabaseError(err: unknown): AppError | undefined {
  const e = err as PgError;
  if (typeof e?.code !== 'string') return undefined;
  const field = fieldOf(e);
  switch (e.code) {
    case '23505':
      return problem(409, 'duplicate', field, 'is already in use; choose another value');
    case '23503':
      return problem(
        422,
        'validation_failed',
        field,
        'names a record or code that does not exist or that you may not see; check the id or code',
      );
    case '23502':
      return problem(422, 'validation_failed', field, 'is required');
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
    case '22001':
    case '22003':
    case '22021':
    case '54001':
      return problem(
        422,
        'validation_failed',
        field,
        'a value is not valid or too large; check the fields sent',
      );
    default:
      return undefined;
  }
}
