// A query parameter no filter reads is refused, never dropped: `?theme=` on a list that has no
// theme filter would otherwise answer the whole list as if filtered.
import type { z } from 'zod';
import { AppError } from './errors.ts';

/** The query parameters of `url` that `schema` has no field for. */
export function unknownQueryParameters(schema: z.ZodType, url: string): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (!shape) throw new Error('unknownQueryParameters needs an object schema');
  const given = new Set(new URL(url, 'http://localhost').searchParams.keys());
  return [...given].filter((k) => !(k in shape));
}

/** Refuses, with a 400 naming them, query parameters `schema` has no field for. */
export function assertKnownQuery(schema: z.ZodType, url: string): void {
  const unknown = unknownQueryParameters(schema, url);
  if (unknown.length === 0) return;
  const known = Object.keys((schema as unknown as { shape: object }).shape).sort();
  throw new AppError(
    400,
    'unknown_parameter',
    `Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Remove it; this list takes ${known.join(', ')}.`,
    { unknown, known },
  );
}
