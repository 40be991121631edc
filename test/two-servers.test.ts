// Two Tacit servers on one PostgreSQL database, as behind a load balancer: a session begun on one
// works on the other and ends on both, a document uploaded to one is read from the other, and an
// IATI import started on one is followed to its end from the other. (The scheduled jobs running
// once: src/reminders/servers.test.ts.) The embedded engine belongs to one process, so this case
// exists only on PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/app/start.ts';
import { loadConfig } from '../src/config.ts';
import { sql } from '../src/db/sql.ts';
import { publishersService } from '../src/publishers/publishers.service.ts';
import { buildOrgWithEditor, type TestMember } from './support/factories.ts';
import { DOCUMENTS_DIR, IATI_DIR } from './support/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngine } from './support/test-db.ts';

describe.runIf(testEngine() === 'postgres')('two Tacit servers on one PostgreSQL', () => {
  let t: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;
  let editor: TestMember;
  beforeAll(async () => {
    t = await createTestDatabase();
    const config = {
      ...loadConfig({
        TACIT_LOG_LEVEL: 'silent',
        TACIT_SEED_DEMO: 'never',
        PORT: '0',
        TACIT_MAX_UPLOAD_MB: '2',
      }),
      ...t.config,
    };
    [a, b] = await Promise.all([startServer(config), startServer(config)]);
    editor = (await buildOrgWithEditor(t.db)).editor;
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await t?.drop();
  });

  it('keeps a session whichever server a request reaches, and signs it out on both', async () => {
    expect(a.url).not.toBe(b.url);
    const login = await fetch(`${a.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: editor.email, password: editor.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).email).toBe(editor.email);
    const logout = await fetch(`${b.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: b.url },
    });
    expect(logout.status).toBeLessThan(300);
    // Signed out on both: the cookie now reads as anonymous everywhere.
    const after = await fetch(`${a.url}/api/v1/auth/me`, { headers: { cookie } });
    expect((await after.json()).user_id).toBeNull();
  });

  it('reads on one server the document uploaded to the other', async () => {
    const form = new FormData();
    const text = fs.readFileSync(path.join(DOCUMENTS_DIR, 'evaluation-brief-xcax75.txt'));
    form.append('file', new Blob([new Uint8Array(text)]), 'brief.txt');
    const auth = { authorization: `Bearer ${editor.token}` };
    const upload = await fetch(`${a.url}/api/v1/documents`, { method: 'POST', body: form, headers: auth });
    expect(upload.status).toBe(201);
    const { id } = await upload.json();
    const read = await fetch(`${b.url}/api/v1/documents/${id}`, { headers: auth });
    expect(read.status).toBe(200);
    const onB = await read.json();
    const onA = await (await fetch(`${a.url}/api/v1/documents/${id}`, { headers: auth })).json();
    expect(onB).toEqual(onA);
    expect(onB.text).toContain('EVALUATION BRIEF');
    const file = await fetch(`${b.url}/api/v1/documents/${id}/file`, { headers: auth });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(text)).toBe(true);
  });

  it('follows from one server an IATI import started on the other, to its end', async () => {
    await publishersService.verify(t.db, { operator: true }, editor.orgId, 'US-GOV-1');
    const form = new FormData();
    const bytes = fs.readFileSync(path.join(IATI_DIR, 'usaid', 'usaid-ba.xml.gz'));
    form.append('file', new Blob([new Uint8Array(bytes)]), 'usaid-ba.xml.gz');
    const auth = { authorization: `Bearer ${editor.token}` };
    const started = await fetch(`${b.url}/api/v1/imports/iati`, {
      method: 'POST',
      body: form,
      headers: auth,
    });
    expect(started.status).toBe(202);
    let job = await started.json();
    const deadline = Date.now() + 60_000;
    while (job.status !== 'done' && job.status !== 'failed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      job = await (await fetch(`${a.url}/api/v1/imports/iati/${job.id}`, { headers: auth })).json();
    }
    expect(job).toMatchObject({ status: 'done', activities_read: 249, created: 249, rejected: 0 });
    const [stored] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM iati_activities`);
    expect(stored!.n).toBe(249);
  });
});
