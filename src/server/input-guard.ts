// Refuses, before any route sees it, input no field can hold: a NUL character (PostgreSQL text
// cannot store one, and the write failed with a 500) and JSON nested deeper than any Tacit field
// needs (6,000 levels of `extra` reached the database's stack limit). Both are a 422 naming the
// field, so every resource gets the guard without repeating it in its schemas. A JSON body that is
// not valid UTF-8 is refused too: decoded leniently, its bad bytes were stored as U+FFFD and the
// sender never learned that the text it sent is not the text Tacit keeps.
import type { FastifyInstance } from 'fastify';
import { AppError, errors } from './errors.ts';

/** Deeper than any field of Tacit's own (project `extra` holds a few levels of IATI keys). */
export const MAX_JSON_DEPTH = 32;

/** The first problem in a parsed value, with the path of the field it is in. */
export function findInputProblem(
  value: unknown,
  root: string,
): { field: string; message: string } | undefined {
  const stack: [unknown, string[]][] = [[value, [root]]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000'))
        return {
          field: path.join('.'),
          message: 'contains a NUL character (\\u0000), which cannot be stored; remove it',
        };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length - 1 > MAX_JSON_DEPTH)
      return {
        field: path.slice(0, 2).join('.'),
        message: `is nested more than ${MAX_JSON_DEPTH} levels deep; send a flatter value`,
      };
    for (const [key, child] of Object.entries(v)) {
      if (key.includes('\u0000'))
        return { field: path.join('.'), message: 'has a key with a NUL character (\\u0000); remove it' };
      stack.push([child, [...path, key]]);
    }
  }
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function installInputGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, raw: Buffer, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(raw);
    } catch {
      done(
        new AppError(
          400,
          'malformed_json',
          'The request body is not valid UTF-8 text. Send JSON encoded as UTF-8 (Content-Type: application/json; charset=utf-8).',
        ),
      );
      return;
    }
    parseJson(req, text, done);
  });
  app.addHook('preValidation', async (req) => {
    for (const [root, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      const problem = findInputProblem(value, root);
      if (problem) throw errors.invalidField(problem.field, problem.message);
    }
  });
}
