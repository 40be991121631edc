// Requests generated from the OpenAPI document: for each operation, fast-check arbitraries of
// requests its schemas accept, and of requests they refuse (a property of the wrong type, a
// required property left out, an unknown property or query parameter, a path parameter that is
// not one). The fuzz test sends them and checks every answer.
import fc from 'fast-check';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema as the OpenAPI document gives it
export type Schema = Record<string, any>;

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
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

/** Values the schema accepts (as far as its keywords say). */
export function valid(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valid(s, depth)));
  if (schema.allOf) return valid(Object.assign({}, ...(schema.allOf as Schema[])), depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return validString(schema);
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
      return fc.array(valid(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'object':
      return depth > 3 ? fc.constant({}) : validObject(schema, depth);
    default:
      return fc.oneof(text, fc.integer(), fc.boolean());
  }
}

function validString(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length <= (schema.maxLength ?? 500));
    } catch {
      // A pattern JavaScript cannot compile: plain text, which the server may refuse.
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

function validObject(schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valid(s, depth + 1)]));
  return fc.record(model, { requiredKeys: (schema.required ?? []) as string[] });
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
export function requestsOf(op: Operation, knownIds: string[]): fc.Arbitrary<GeneratedRequest> {
  const auth = fc.constantFrom<GeneratedRequest['auth']>('write', 'write', 'read', 'none');
  const id = fc.oneof(fc.uuid(), fc.constantFrom(...knownIds));
  const pathOf = (values: string[]) =>
    op.pathParams.reduce((p, name, i) => p.replace(`{${name}}`, encodeURIComponent(values[i]!)), op.path);
  const pathValues = fc.tuple(...op.pathParams.map(() => id));
  const query = op.query
    ? (valid(op.query) as fc.Arbitrary<Record<string, unknown>>).map(asQuery)
    : fc.constant({});
  const body = op.body ? valid(op.body) : fc.constant(undefined);
  const base = fc.record({ values: pathValues, query, body, auth });

  const variants: fc.Arbitrary<GeneratedRequest>[] = [
    base.map((b) => ({
      kind: 'valid' as const,
      path: pathOf(b.values),
      query: b.query,
      body: b.body,
      auth: b.auth,
    })),
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
  return fc.oneof(...variants);
}
