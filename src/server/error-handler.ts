// Renders every error as { error: { code, message, details } } with the right status, so a
// client never has to parse a stack trace or guess which field was wrong.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fromDatabaseError } from './database-errors.ts';
import { AppError, asAppError, type FieldProblem } from './errors.ts';
import { unknownKeyProblem } from './strict-input.ts';

function fieldOf(path: unknown): string {
  if (Array.isArray(path)) return path.join('.');
  if (typeof path === 'string') return path.replace(/^\//, '').replaceAll('/', '.');
  return '';
}

export function toAppError(err: unknown): AppError {
  const known = asAppError(err);
  if (known) return known;
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const problems: FieldProblem[] = fe.validation.flatMap((v) => {
      const keys = (v.params as { keys?: unknown } | undefined)?.keys;
      if (v.keyword === 'unrecognized_keys' && Array.isArray(keys))
        return [unknownKeyProblem(fe.validationContext ?? '', fieldOf(v.instancePath), keys.map(String))];
      return [
        {
          field: [fe.validationContext, fieldOf(v.instancePath)].filter(Boolean).join('.'),
          message: v.message ?? 'is not valid',
        },
      ];
    });
    const first = problems[0];
    const message = first ? `${first.field}: ${first.message}` : 'The request is not valid.';
    return new AppError(422, 'validation_failed', message, problems);
  }
  if (isResponseSerializationError(fe)) {
    return new AppError(500, 'internal_error', 'The server built a reply it could not send. This is a bug.');
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError(413, 'payload_too_large', 'The request body is larger than the server accepts.');
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError(
      415,
      'unsupported_media_type',
      'Send JSON (Content-Type: application/json) or multipart form data.',
    );
  }
  if (
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    err instanceof SyntaxError
  ) {
    return new AppError(400, 'malformed_json', `The request body is not valid JSON: ${fe.message}`);
  }
  const db = fromDatabaseError(fe);
  if (db) return db;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode, 'bad_request', fe.message);
  }
  return new AppError(500, 'internal_error', 'Something went wrong on the server. It has been logged.');
}

/** `webApp`: the built web app is served, so unknown non-API paths get its index page. */
export function installErrorHandler(app: FastifyInstance, webApp: boolean): void {
  app.setErrorHandler((err, request, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ err }, 'request failed');
    reply.status(appError.status).send({
      error: { code: appError.code, message: appError.message, details: appError.details ?? null },
    });
  });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other GET outside the API gets its index page.
    if (webApp && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No route ${request.method} ${request.url.split('?')[0]}.`,
        details: null,
      },
    });
  });
}
