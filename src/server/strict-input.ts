// Unknown body fields and query parameters are refused, never dropped: a client that sends
// `expires_at` to a server that has no such field must learn it, not believe it was kept. zod
// objects strip unknown keys by default, so every route's body and querystring schema is made
// strict here, once, as the route is registered (nested objects included), instead of each
// schema remembering `.strict()`. An object that means to take any keys says so with a catchall
// (`z.looseObject`, `.catchall()`) or is a `z.record`, and is left as it is.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

type AnySchema = z.core.$ZodType;

function withDef(schema: AnySchema, changes: Record<string, unknown>): AnySchema {
  return z.core.clone(schema, { ...schema._zod.def, ...changes } as typeof schema._zod.def);
}

// One strict copy per schema: a schema several routes share stays one schema (and one component
// of the API document when it has an id).
const strictCopies = new WeakMap<AnySchema, AnySchema>();

/** The same schema with every object in it refusing keys it does not name. */
export function strictDeep(schema: AnySchema): AnySchema {
  let copy = strictCopies.get(schema);
  if (!copy) {
    copy = strictCopy(schema);
    strictCopies.set(schema, copy);
    // A named schema (.meta({ id })) is a component of the API document: the component shown is
    // the strict one that validates.
    const meta = z.globalRegistry.get(schema);
    if (meta && copy !== schema) {
      z.globalRegistry.remove(schema);
      z.globalRegistry.add(copy, meta);
    }
  }
  return copy;
}

function strictCopy(schema: AnySchema): AnySchema {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'object': {
      if (def.catchall) return schema;
      const shape = Object.fromEntries(
        Object.entries(def.shape as Record<string, AnySchema>).map(([key, field]) => [
          key,
          strictDeep(field),
        ]),
      );
      return withDef(schema, { shape, catchall: z.never() });
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return withDef(schema, { innerType: strictDeep(def.innerType as AnySchema) });
    case 'array':
      return withDef(schema, { element: strictDeep(def.element as AnySchema) });
    case 'pipe':
      return withDef(schema, { in: strictDeep(def.in as AnySchema) });
    case 'union':
      return withDef(schema, { options: (def.options as AnySchema[]).map(strictDeep) });
    case 'intersection':
      // Each side of an intersection sees the other's keys: strict sides would refuse them.
      return schema;
    default:
      return schema;
  }
}

/** Every route registered after this on `app` gets strict body and querystring schemas. */
export function installStrictInput(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    route.schema ??= {};
    const schema = route.schema as { body?: unknown; querystring?: unknown };
    // An endpoint without query parameters refuses any, too.
    schema.querystring ??= z.strictObject({});
    for (const part of ['body', 'querystring'] as const) {
      const value = schema[part];
      if (value instanceof z.core.$ZodType) schema[part] = strictDeep(value);
    }
  });
}

/**
 * The problem an object with unknown keys makes, for the error shape: the object's path as the
 * field (as for any other problem inside it) and each unknown key named in the message.
 */
export function unknownKeyProblem(context: string, path: string, keys: readonly string[]) {
  const what = context === 'querystring' ? 'query parameter' : 'field';
  const names = keys.map((k) => `"${k}"`).join(', ');
  return {
    field: [context, path].filter(Boolean).join('.'),
    message: `has ${keys.length === 1 ? `a ${what}` : `${what}s`} this endpoint does not know: ${names}; remove ${keys.length === 1 ? 'it' : 'them'} (/api/v1/openapi.json lists each endpoint's ${what}s)`,
  };
}
