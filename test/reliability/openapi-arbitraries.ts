// Requests generated from the OpenAPI document: for each operation, fast-check arbitraries of
// requests its schemas accept, and of requests they refuse (a property of the wrong type, a
// required property left out, an unknown property or query parameter, a path parameter that is
// not one). The fuzz test sends them and checks every answer.
import fc from 'fast-check';
import { codesFor, idsFor, type KnownValues, validString } from './known-values.ts';

export type { KnownValues } from './known-values.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema as the OpenAPI document gives it
export type Schema = Record<string, any>;

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  /** Each path parameter's schema, by name. */
  pathSchemas: Record<string, Schema>;
  query: Schema | undefined;
  body: Schema | undefined;
}

export interface GeneratedRequest {
  kind: 'valid' | 'wrong-type' | 'missing-required' | 'unknown-field' | 'unknown-query' | 'bad-path';
  /** The field the request breaks on purpose, as the error's details name it. */
  field?: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  auth: 'write' | 'read' | 'none';
  /** For a broken request: the same request without the defect put in on purpose. */
  base?: { path: string; query: Record<string, string>; body: unknown };
}

export function operationsOf(doc: Schema): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Schema)) {
    for (const [method, op] of Object.entries(item as Schema)) {
      const params = (op.parameters ?? []) as Schema[];
      const queryParams = params.filter((p) => p.in === 'query');
      const query = queryParams.length
        ? {
            type: 'object',
            properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema ?? {}])),
            required: queryParams.filter((p) => p.required).map((p) => p.name),
          }
        : undefined;
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name as string),
        pathSchemas: Object.fromEntries(
          params.filter((p) => p.in === 'path').map((p) => [p.name, p.schema ?? {}]),
        ),
        query,
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('Peru', 'police', 'justice', 'ÉVALUATION', '<script>', "'; DROP TABLE x; --", '𝒯'),
);
const notNumber = fc.constantFrom('abc', 'NaN', '--1', '1,5', 'twelve');

/** Values the schema accepts (as far as its keywords say), naming what `known` holds where they can. */
export function valid(schema: Schema, known: KnownValues, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valid(s, known, name, depth)));
  if (schema.allOf) return valid(Object.assign({}, ...(schema.allOf as Schema[])), known, name, depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return validString(schema, known, name);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 3) return fc.constant([]);
      return fc.array(valid(schema.items ?? {}, known, name, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'object':
      return depth > 3 ? fc.constant({}) : validObject(schema, known, name, depth);
    default:
      return fc.oneof(text, fc.integer(), fc.boolean());
  }
}

function validObject(
  schema: Schema,
  known: KnownValues,
  name: string,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  // A cursor is only ever one the API gave out: a valid request starts without one.
  const props = Object.entries((schema.properties ?? {}) as Record<string, Schema>).filter(
    ([k]) => k !== 'cursor',
  );
  const model = Object.fromEntries(
    props.map(([k, s]) => [k, valid(s, known, name ? `${name} ${k}` : k, depth + 1)]),
  );
  const required = ((schema.required ?? []) as string[]).filter((k) => k !== 'cursor');
  return fc.record(model, { requiredKeys: required });
}

/** A value of none of the schema's types. */
function wrongType(schema: Schema): fc.Arbitrary<unknown> {
  const types = new Set<string>([schema.type ?? []].flat());
  for (const alt of (schema.anyOf ?? schema.oneOf ?? []) as Schema[])
    for (const t of [alt.type ?? []].flat()) types.add(t);
  if (types.size === 0 && !schema.enum) return fc.constant(Symbol.for('none'));
  const candidates: fc.Arbitrary<unknown>[] = [];
  if (!types.has('string') && !schema.enum) candidates.push(text);
  if (!types.has('number') && !types.has('integer')) candidates.push(fc.integer());
  if (!types.has('boolean')) candidates.push(fc.boolean());
  if (!types.has('object')) candidates.push(fc.constant({ nested: { deeper: [1, 2, 3] } }));
  if (!types.has('array')) candidates.push(fc.constant([['x'], 1, null]));
  if (schema.enum) candidates.push(fc.constant('certainly-not-one-of-them'));
  return candidates.length ? fc.oneof(...candidates) : fc.constant(Symbol.for('none'));
}

/** Query values are text: a wrong value is text that is not of the parameter's type. */
function wrongQueryValue(schema: Schema): fc.Arbitrary<string> | undefined {
  if (schema.enum) return fc.constant('certainly-not-one-of-them');
  const type = [schema.type ?? []].flat();
  if (type.includes('integer') || type.includes('number')) return notNumber;
  if (schema.format === 'uuid') return fc.constantFrom('not-a-uuid', '123', '');
  if (schema.format === 'date') return fc.constantFrom('2024-13-45', 'yesterday', '01/02/2024');
  return undefined;
}

const asQuery = (values: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  );

/** Valid and broken requests of one operation. */
export function requestsOf(op: Operation, known: KnownValues): fc.Arbitrary<GeneratedRequest> {
  // Mostly with write access, so that valid requests reach what they ask for.
  const auth = fc.constantFrom<GeneratedRequest['auth']>('write', 'write', 'write', 'write', 'read', 'none');
  const pathOf = (values: string[]) =>
    op.pathParams.reduce((p, name, i) => p.replace(`{${name}}`, encodeURIComponent(values[i]!)), op.path);
  // A path parameter is named by the collection before it: /projects/{id} takes a project's id.
  const pathValues = fc.tuple(
    ...op.pathParams.map((name) => {
      const schema = op.pathSchemas[name] ?? {};
      if ([schema.type].flat().some((t) => t === 'integer' || t === 'number')) return fc.nat(2).map(String);
      const collection =
        op.path
          .slice(0, op.path.indexOf(`{${name}}`))
          .split('/')
          .filter(Boolean)
          .at(-1) ?? '';
      const codes = schema.format === 'uuid' ? undefined : codesFor(known, `${collection} ${name}`);
      if (codes?.length) return fc.constantFrom(...codes);
      return fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...idsFor(known, `${collection} ${name}`)) },
        { weight: 1, arbitrary: fc.uuid() },
      );
    }),
  );
  const query = op.query
    ? (valid(op.query, known) as fc.Arbitrary<Record<string, unknown>>).map(asQuery)
    : fc.constant({});
  const body = op.body ? valid(op.body, known) : fc.constant(undefined);
  const base = fc.record({ values: pathValues, query, body, auth });

  const validRequest = base.map((b) => ({
    kind: 'valid' as const,
    path: pathOf(b.values),
    query: b.query,
    body: b.body,
    auth: b.auth,
  }));
  const variants: fc.Arbitrary<GeneratedRequest>[] = [
    fc.tuple(base, fc.stringMatching(/^[a-z]{3,12}$/)).map(([b, name]) => ({
      kind: 'unknown-query' as const,
      field: `zz_${name}`,
      path: pathOf(b.values),
      query: { ...b.query, [`zz_${name}`]: '1' },
      body: b.body,
      auth: b.auth,
    })),
  ];
  if (op.pathParams.length)
    variants.push(
      fc.tuple(base, fc.constantFrom('not-a-uuid', '1', 'a b', '%00', 'x'.repeat(300))).map(([b, bad]) => ({
        kind: 'bad-path' as const,
        base: { path: pathOf(b.values), query: b.query, body: b.body },
        field: `params.${op.pathParams[0]}`,
        path: pathOf([bad, ...b.values.slice(1)]),
        query: b.query,
        body: b.body,
        auth: b.auth,
      })),
    );
  const queryProps = Object.entries((op.query?.properties ?? {}) as Record<string, Schema>)
    .map(([k, s]) => [k, wrongQueryValue(s)] as const)
    .filter((e): e is readonly [string, fc.Arbitrary<string>] => e[1] !== undefined);
  if (queryProps.length)
    variants.push(
      fc
        .tuple(base, fc.constantFrom(...queryProps))
        .chain(([b, [name, bad]]) => bad.map((v) => ({ b, name, v })))
        .map(({ b, name, v }) => ({
          kind: 'wrong-type' as const,
          base: { path: pathOf(b.values), query: b.query, body: b.body },
          field: `querystring.${name}`,
          path: pathOf(b.values),
          query: { ...b.query, [name]: v },
          body: b.body,
          auth: b.auth,
        })),
    );
  const bodyProps = Object.entries((op.body?.properties ?? {}) as Record<string, Schema>);
  if (op.body?.type === 'object') {
    variants.push(
      fc.tuple(base, fc.stringMatching(/^[a-z]{3,12}$/)).map(([b, name]) => ({
        kind: 'unknown-field' as const,
        base: { path: pathOf(b.values), query: b.query, body: b.body },
        field: `zz_${name}`,
        path: pathOf(b.values),
        query: b.query,
        body: { ...(b.body as object), [`zz_${name}`]: 'x' },
        auth: b.auth,
      })),
    );
    if (bodyProps.length)
      variants.push(
        fc
          .tuple(base, fc.constantFrom(...bodyProps))
          .chain(([b, [name, s]]) => wrongType(s).map((v) => ({ b, name, v })))
          .filter(({ v }) => v !== Symbol.for('none'))
          .map(({ b, name, v }) => ({
            kind: 'wrong-type' as const,
            base: { path: pathOf(b.values), query: b.query, body: b.body },
            field: `body.${name}`,
            path: pathOf(b.values),
            query: b.query,
            body: { ...(b.body as object), [name]: v },
            auth: b.auth,
          })),
      );
    const required = (op.body.required ?? []) as string[];
    if (required.length)
      variants.push(
        fc.tuple(base, fc.constantFrom(...required)).map(([b, name]) => {
          const { [name]: _left, ...rest } = b.body as Record<string, unknown>;
          return {
            kind: 'missing-required' as const,
            base: { path: pathOf(b.values), query: b.query, body: b.body },
            field: `body.${name}`,
            path: pathOf(b.values),
            query: b.query,
            body: rest,
            auth: b.auth,
          };
        }),
      );
  }
  // Valid requests as often as all the broken kinds together.
  return fc.oneof(
    { weight: variants.length, arbitrary: validRequest },
    ...variants.map((arbitrary) => ({ weight: 1, arbitrary })),
  );
}
