// A real Tacit server on a free loopback port over a fresh test database, plus a small JSON
// client. Tests talk HTTP to it exactly as scripts and the browser do.

import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import type { Clock } from '../../src/reminders/clock.ts';
import { buildOrgWithEditor, type TestMember } from './factories.ts';
import { createDemoTestDatabase, createTestDatabase } from './test-db.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests assert reply bodies field by field
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestApp {
  db: Database;
  baseUrl: string;
  config: { databaseUrl: string | undefined; dataDir: string };
  // biome-ignore lint/suspicious/noExplicitAny: tests assert reply bodies field by field
  request<T = any>(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/**
 * `env` sets configuration variables over the tests' defaults (silent logs, 2 MB uploads);
 * `clock` the time the server runs by (token expiry, embargoes, purges), the system's by default;
 * `demo` starts the database with the demo registry loaded (`tacit seed-demo`).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  clock?: Clock,
  { demo = false }: { demo?: boolean } = {},
): Promise<TestApp> {
  const t = demo ? await createDemoTestDatabase() : await createTestDatabase();
  const config = {
    ...loadConfig({ TACIT_LOG_LEVEL: 'silent', TACIT_MAX_UPLOAD_MB: '2', ...env }),
    ...t.config,
  };
  const app = await buildApp({ db: t.db, config, ...(clock ? { clock } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    db: t.db,
    baseUrl,
    config: t.config,
    async request(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined;
      if (opts.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      }
      const res = await fetch(baseUrl + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON (e.g. CSV or HTML): the raw text is the body.
      }
      return { status: res.status, body: parsed as never, headers: res.headers };
    },
    async close() {
      await app.close();
      await t.drop();
    },
  };
}

/** Sends a multipart upload of one file with form fields, as a browser form would. */
export async function uploadFile(
  app: TestApp,
  filename: string,
  bytes: Buffer,
  opts: { token?: string; fields?: Record<string, string>; path?: string } = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(opts.fields ?? {})) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const headers: Record<string, string> = opts.token ? { authorization: `Bearer ${opts.token}` } : {};
  const res = await fetch(app.baseUrl + (opts.path ?? '/api/v1/documents'), {
    method: 'POST',
    body: form,
    headers,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Uploads an IATI file as `token`'s organisation and waits for its import job to end: the job. */
export async function importIatiUpload(
  app: TestApp,
  token: string,
  file: { name: string; bytes: Buffer; fields?: Record<string, string> },
) {
  const started = await uploadFile(app, file.name, file.bytes, {
    token,
    path: '/api/v1/imports/iati',
    fields: file.fields,
  });
  if (started.status !== 202)
    throw new Error(`IATI upload: ${started.status} ${JSON.stringify(started.body)}`);
  let job = started.body;
  for (let i = 0; i < 300 && job.status !== 'done' && job.status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = (await app.request('GET', `/api/v1/imports/iati/${job.id}`, { token })).body;
  }
  return job;
}

/**
 * A test file's app and one organisation's editor: started before its tests, closed after. Read
 * `t` and `editor` inside the tests (they are set once the app has started).
 */
export function appWithEditor(): { t: TestApp; editor: TestMember } {
  const app = {} as { t: TestApp; editor: TestMember };
  beforeAll(async () => {
    app.t = await startTestApp();
    app.editor = (await buildOrgWithEditor(app.t.db)).editor;
  });
  afterAll(() => app.t.close());
  return app;
}
