// Cross-site request forgery: writes made with the session cookie are accepted from the server's own
// pages only (Origin, else Referer), uploads, IATI imports and sign-out included; a foreign origin
// gets a 403 and nothing changes; requests with a bearer token are not affected.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { DOCUMENTS_DIR } from '../../test/support/fixtures.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

const FOREIGN = 'https://attacker.example';
const text = fs.readFileSync(path.join(DOCUMENTS_DIR, 'evaluation-brief-xcax75.txt'));

describe('origin check on cookie-authenticated writes', () => {
  let t: TestApp;
  let editor: TestMember;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp();
    editor = (await buildOrgWithEditor(t.db)).editor;
    const res = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.baseUrl },
      body: JSON.stringify({ email: editor.email, password: editor.password }),
    });
    expect(res.status).toBe(200);
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(() => t.close());

  const upload = (headers: Record<string, string>, path = '/api/v1/documents', name = 'brief.txt') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(text)]), name);
    return fetch(t.baseUrl + path, { method: 'POST', body: form, headers });
  };
  const documentCount = async () =>
    (await t.request('GET', '/api/v1/documents?limit=200', { token: editor.token })).body.items.length;
  const signedIn = async () =>
    (await fetch(`${t.baseUrl}/api/v1/auth/me`, { headers: { cookie } }).then((r) => r.json())).user_id;

  it('refuses an upload, an IATI import and a sign-out from a foreign origin, and changes nothing', async () => {
    const before = await documentCount();
    for (const res of [
      await upload({ cookie, origin: FOREIGN }),
      await upload({ cookie, origin: FOREIGN }, '/api/v1/imports/iati', 'activities.xml'),
      await fetch(`${t.baseUrl}/api/v1/auth/logout`, {
        method: 'POST',
        headers: { cookie, origin: FOREIGN },
      }),
      await fetch(`${t.baseUrl}/api/v1/documents/00000000-0000-4000-8000-000000000000`, {
        method: 'DELETE',
        headers: { cookie, referer: `${FOREIGN}/page` },
      }),
      await upload({ cookie }),
    ]) {
      expect(res.status).toBe(403);
      const body = await res.json();
      expect(body.error.code).toBe('cross_site_request');
      expect(body.error.message).toMatch(/Use the web app, or send an API token/);
    }
    expect(await documentCount()).toBe(before);
    expect(await signedIn()).toBe(editor.userId);
  });

  it('accepts the same writes from its own pages, by Origin or by Referer', async () => {
    const before = await documentCount();
    const own = await upload({ cookie, origin: t.baseUrl });
    expect(own.status).toBe(201);
    const stored = await own.json();
    const byReferer = await fetch(`${t.baseUrl}/api/v1/documents/${stored.id}`, {
      method: 'PATCH',
      headers: { cookie, referer: `${t.baseUrl}/documents/x`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Renamed from the app', version: stored.version }),
    });
    expect(byReferer.status).toBe(200);
    expect((await byReferer.json()).title).toBe('Renamed from the app');
    expect(await documentCount()).toBe(before + 1);
  });

  it('lets bearer-token requests through whatever their origin', async () => {
    const res = await upload(
      { authorization: `Bearer ${editor.token}`, origin: FOREIGN },
      undefined,
      'b.txt',
    );
    // The same bytes as the upload above: recognised as the document already stored.
    expect(res.status).toBe(200);
    expect((await res.json()).duplicate).toBe(true);
  });

  it('signs out from its own origin', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: t.baseUrl },
    });
    expect(res.status).toBe(204);
    expect(await signedIn()).toBeNull();
  });
});
