// Every endpoint refuses a body field or query parameter it does not know, naming it, instead of
// dropping it. The endpoints come from the app's own OpenAPI document, so a new one is covered
// the moment it is registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

interface Operation {
  parameters?: { in: string; name: string; schema?: { type?: string; format?: string } }[];
  requestBody?: { content?: Record<string, { schema?: { additionalProperties?: unknown; $ref?: string } }> };
}

interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, { additionalProperties?: unknown }> };
}

/** A path with each parameter filled by a value its schema takes, so validation reaches the body. */
function fillPath(path: string, op: Operation): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const schema = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema ?? {};
    if (schema.type === 'integer' || schema.type === 'number') return '1';
    if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
    return 'x';
  });
}

describe('unknown body fields and query parameters', () => {
  let t: TestApp;
  let token: string;
  let orgId: string;
  let operations: [string, string, Operation][];
  let doc: Doc;
  beforeAll(async () => {
    t = await startTestApp();
    const { org, editor } = await buildOrgWithEditor(t.db);
    token = editor.token;
    orgId = org.id;
    doc = (await t.request('GET', '/api/v1/openapi.json')).body;
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => [method.toUpperCase(), path, op]),
    ) as [string, string, Operation][];
  });
  afterAll(() => t.close());

  it('documents every JSON body as closed (additionalProperties: false)', () => {
    const open = operations.filter(([, , op]) => {
      const body = op.requestBody?.content?.['application/json']?.schema;
      const schema = body?.$ref ? doc.components?.schemas?.[body.$ref.split('/').pop()!] : body;
      return body && schema?.additionalProperties !== false;
    });
    expect(open.map(([m, p]) => `${m} ${p}`)).toEqual([]);
    expect(
      operations.filter(([, , op]) => op.requestBody?.content?.['application/json']).length,
    ).toBeGreaterThan(30);
  });

  it('answers 422 naming an unknown query parameter on every endpoint, with or without parameters', async () => {
    expect(
      operations.filter(([, , op]) => op.parameters?.some((p) => p.in === 'query')).length,
    ).toBeGreaterThan(20);
    // Fastify checks the body before the querystring: endpoints taking JSON are asked without
    // one here only when their body may be empty; the rest are covered by the body test below.
    for (const [method, path, op] of operations.filter(
      ([, , op]) => !op.requestBody?.content?.['application/json'],
    )) {
      const res = await t.request(method, `${fillPath(path, op)}?not_a_param=1`, {
        token,
        ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
      });
      expect(res.status, `${method} ${path}`).toBe(422);
      expect(res.body.error.details, `${method} ${path}`).toContainEqual({
        field: 'querystring.not_a_param',
        message: expect.stringContaining('is not a parameter of this endpoint'),
      });
    }
  });

  it('answers 422 naming an unknown body field on every endpoint that takes JSON', async () => {
    const withBody = operations.filter(([, , op]) => op.requestBody?.content?.['application/json']);
    for (const [method, path, op] of withBody) {
      const res = await t.request(method, fillPath(path, op), {
        token,
        body: { not_a_field: 1 },
      });
      expect(res.status, `${method} ${path}`).toBe(422);
      expect(res.body.error.details, `${method} ${path}`).toContainEqual({
        field: 'body',
        message: expect.stringContaining('field this endpoint does not know: "not_a_field"'),
      });
    }
  });

  it('refuses expires_at-like fields that used to vanish, and nested unknown keys, changing nothing', async () => {
    const token2 = await t.request('POST', '/api/v1/tokens', {
      token,
      body: { name: 'script', scope: 'read', valid_until: '2030-01-01' },
    });
    expect(token2.status).toBe(422);
    expect(token2.body.error.message).toContain(
      'body: has a field this endpoint does not know: "valid_until"',
    );
    expect(token2.body.error.message).toContain('remove it');
    const tokens = await t.request('GET', '/api/v1/tokens', { token });
    expect(tokens.body.map((x: { name: string }) => x.name)).not.toContain('script');
    const project = await t.request('POST', '/api/v1/projects', {
      token,
      body: {
        title: 'Strict nested',
        owner_org_id: orgId,
        budget: [{ amount: 5, currency: 'USD', colour: 'red' }],
      },
    });
    expect(project.status).toBe(422);
    expect(project.body.error.details).toContainEqual({
      field: 'body.budget.0',
      message: expect.stringContaining('"colour"'),
    });
    const listed = await t.request('GET', '/api/v1/projects', { token });
    expect(listed.body.items.map((p: { title: string }) => p.title)).not.toContain('Strict nested');
    const iati = await t.request('GET', '/api/v1/export/iati?country=ZZ', { token });
    expect(iati.status).toBe(422);
    expect(iati.body.error.message).toContain('querystring.country');
  });
});
