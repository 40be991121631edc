// API fuzzing from the OpenAPI document: for every operation, generated requests its schemas
// accept and requests they refuse. No answer is a 5xx; every 4xx is in the one error shape; a
// request broken on purpose is refused, and when the refusal is a validation error it names the
// field that was broken. TACIT_FUZZ_RUNS sets the requests per operation (default 1,000).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { vocabularies } from '../../src/reference/vocabularies.ts';
import { buildOrgWithEditor, type TestMember } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { testEngine } from '../support/test-db.ts';
import {
  type GeneratedRequest,
  type KnownValues,
  operationsOf,
  requestsOf,
  type Schema,
} from './openapi-arbitraries.ts';

const RUNS = Number(process.env.TACIT_FUZZ_RUNS ?? 1000);
// Signing out ends the session the rest of the run uses; both are fuzzed with no credentials too.
const LEFT_OUT = new Set(['POST /api/v1/auth/logout']);

describe(`API fuzzing from the OpenAPI document on ${testEngine()}`, async () => {
  let t: TestApp;
  let editor: TestMember;
  const known: KnownValues = { ids: {}, codes: {}, words: [] };
  const tally = {
    operations: 0,
    requests: 0,
    byKind: {} as Record<string, number>,
    byStatus: {} as Record<string, number>,
  };
  // The document is read from a server of its own before the tests are declared, one per operation.
  const docApp = await startTestApp();
  const doc = (await docApp.request('GET', '/api/v1/openapi.json')).body as Schema;
  await docApp.close();
  const operations = operationsOf(doc).filter((op) => !LEFT_OUT.has(`${op.method} ${op.path}`));

  beforeAll(async () => {
    t = await startTestApp();
    const built = await buildOrgWithEditor(t.db);
    editor = built.editor;
    // Records the valid requests can name, one of each kind they most often ask for.
    const created = async (path: string, body: object) => {
      const res = await t.request('POST', path, { token: editor.token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return [res.body.id as string];
    };
    known.ids = {
      org: [built.org.id],
      user: [editor.userId],
      project: await created('/api/v1/projects', { title: 'Fuzzed' }),
      lesson: await created('/api/v1/lessons', { text: 'Fuzzed lesson: train the trainers first.' }),
      recommendation: await created('/api/v1/recommendations', { text: 'Fuzzed recommendation' }),
      meeting: await created('/api/v1/meetings', { title: 'Fuzzed meeting' }),
    };
    // A few codes of each vocabulary the registry knows, and words to search for.
    const dac = await t.db.query<{ code: string }>(sql`SELECT code FROM dac_codes ORDER BY code LIMIT 30`);
    known.codes = {
      country: ['PE', 'CO', 'MX', 'GT', 'KE'],
      theme: [...vocabularies.themes().keys()],
      dac: dac.map((r) => r.code),
      currency: ['USD', 'EUR', 'GBP'],
    };
    known.words = [...Object.values(known.codes).flat(), 'police', 'justice', 'Peru', 'evaluation'];
  });
  afterAll(async () => {
    console.log(`fuzz ${testEngine()}: ${JSON.stringify(tally)}`);
    await t?.close();
  });

  async function send(op: { method: string }, r: GeneratedRequest) {
    const headers: Record<string, string> = {};
    if (r.auth !== 'none')
      headers.authorization = `Bearer ${r.auth === 'write' ? editor.token : editor.readToken}`;
    const hasBody = r.body !== undefined && op.method !== 'GET' && op.method !== 'HEAD';
    if (hasBody) headers['content-type'] = 'application/json';
    const qs = new URLSearchParams(r.query).toString();
    const res = await fetch(`${t.baseUrl}${r.path}${qs ? `?${qs}` : ''}`, {
      method: op.method,
      headers,
      body: hasBody ? JSON.stringify(r.body) : undefined,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // CSV, XML or HTML answers stay text.
    }
    return { status: res.status, body };
  }

  it('reads an OpenAPI document with the API in it', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.some((op) => op.method === 'POST' && op.path === '/api/v1/projects')).toBe(true);
  });

  for (const op of operations) {
    it(`${op.method} ${op.path}`, async () => {
      tally.operations++;
      await fc.assert(
        fc.asyncProperty(requestsOf(op, known), async (r) => {
          const res = await send(op, r);
          tally.requests++;
          tally.byKind[r.kind] = (tally.byKind[r.kind] ?? 0) + 1;
          const statusClass = `${Math.floor(res.status / 100)}xx`;
          tally.byStatus[statusClass] = (tally.byStatus[statusClass] ?? 0) + 1;
          const seen = `${op.method} ${r.path} ${JSON.stringify(r.query)} ${JSON.stringify(r.body)} → ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`;
          expect(res.status, seen).toBeLessThan(500);
          if (res.status >= 400) {
            const error = (res.body as { error?: Record<string, unknown> }).error;
            expect(error, seen).toBeDefined();
            expect(typeof error!.code, seen).toBe('string');
            expect(String(error!.message).length, seen).toBeGreaterThan(0);
            expect(error, seen).toHaveProperty('details');
            if (error!.code === 'validation_failed') {
              const details = error!.details as { field: string; message: string }[];
              expect(details.length, seen).toBeGreaterThan(0);
              for (const d of details)
                expect(typeof d.field === 'string' && d.field.length > 0, seen).toBe(true);
            }
          }
          if (r.kind === 'valid') return;
          // Broken on purpose: never accepted, and a validation error names what was broken, unless
          // the generated request had another defect too (then it is refused without this one).
          expect(res.status, seen).toBeGreaterThanOrEqual(400);
          const error = (res.body as { error: { code: string; details: unknown } }).error;
          if (error.code === 'validation_failed' && !JSON.stringify(error.details).includes(r.field!)) {
            const base = await send(op, { ...r, ...r.base!, kind: 'valid' });
            expect(base.status, `${seen}\n  (without the defect: ${base.status})`).toBeGreaterThanOrEqual(
              400,
            );
          }
        }),
        // Signing in and accepting an invitation hash a password (argon2, a deliberate ~0.1 s of
        // CPU each): a tenth of the requests, so the two do not take the suite's whole time.
        { numRuns: /\/auth\/(login|accept-invitation)$/.test(op.path) ? Math.ceil(RUNS / 10) : RUNS },
      );
    });
  }
});
