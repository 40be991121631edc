// Refuses a query parameter the endpoint does not know, before the route sees it: a mistyped
// filter (`?contry=PE`) silently dropped would answer for the whole registry as if it had been
// applied. The allowed names are read from each route's querystring schema, so no resource has to
// repeat the rule (several had plain objects, which drop unknown keys).
import type { FastifyInstance } from 'fastify';
import { errors } from './errors.ts';

const allowedByRoute = new Map<string, Set<string> | null>();

/** The keys a zod object schema (possibly piped or transformed) names; null when it is not one. */
function keysOf(schema: unknown): Set<string> | null {
  const s = schema as { shape?: Record<string, unknown>; in?: unknown; _zod?: { def?: { in?: unknown } } };
  if (s?.shape && typeof s.shape === 'object') return new Set(Object.keys(s.shape));
  const inner = s?.in ?? s?._zod?.def?.in;
  return inner ? keysOf(inner) : null;
}

export function installQueryGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const names = Object.keys((req.query ?? {}) as object);
    if (!names.length) return;
    const options = req.routeOptions;
    const schema = options.schema?.querystring;
    const route = `${options.method} ${options.url}`;
    let allowed = allowedByRoute.get(route);
    if (allowed === undefined) {
      allowed = schema ? keysOf(schema) : new Set();
      allowedByRoute.set(route, allowed);
    }
    if (!allowed) return;
    const unknown = names.find((n) => !allowed.has(n));
    if (unknown === undefined) return;
    const known = [...allowed];
    throw errors.invalidField(
      `querystring.${unknown}`,
      known.length
        ? `is not a parameter of this endpoint; it takes ${known.join(', ')}`
        : 'is not a parameter of this endpoint, which takes none',
    );
  });
}
