import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { DOCUMENTS_DIR } from '../../test/support/fixtures.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';

const fixture = (name: string) => fs.readFileSync(path.join(DOCUMENTS_DIR, name));

describe('documents API', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;
  beforeAll(async () => {
    t = await startTestApp();
    owner = (await buildOrgWithEditor(t.db)).editor;
    outsider = (await buildOrgWithEditor(t.db)).editor;
  });
  afterAll(() => t.close());

  it('stores an uploaded PDF, keeps its text and language, and gives the same bytes back', async () => {
    const bytes = fixture('formats/annual-review-peru-colombia-soc.pdf');
    const res = await uploadFile(t, 'annual-review.pdf', bytes, {
      token: owner.token,
      fields: { kind: 'annual_review' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      filename: 'annual-review.pdf',
      media_type: 'application/pdf',
      size_bytes: bytes.length,
      kind: 'annual_review',
      language: 'en',
      visibility: 'owner',
      duplicate: false,
    });
    const doc = await t.request('GET', `/api/v1/documents/${res.body.id}`, { token: owner.token });
    expect(doc.body.text).toContain('Peru/Colombia Serious and Organised Crime');
    expect(doc.body.text_length).toBe(doc.body.text.length);
    const file = await fetch(`${t.baseUrl}/api/v1/documents/${res.body.id}/file`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('recognises the same file uploaded again instead of storing it twice', async () => {
    const bytes = fixture('evaluation-brief-xcax75.txt');
    const first = await uploadFile(t, 'brief.txt', bytes, { token: owner.token });
    const second = await uploadFile(t, 'brief-copy.txt', bytes, { token: owner.token });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, duplicate: true });
  });

  it('keeps owner-only documents, their text and their files from other organisations', async () => {
    const res = await uploadFile(t, 'meeting.txt', fixture('meeting-report-crimjust-integrity.txt'), {
      token: owner.token,
    });
    expect(res.body.visibility).toBe('owner');
    expect(
      (await t.request('GET', `/api/v1/documents/${res.body.id}`, { token: outsider.token })).status,
    ).toBe(404);
    const file = await fetch(`${t.baseUrl}/api/v1/documents/${res.body.id}/file`, {
      headers: { authorization: `Bearer ${outsider.token}` },
    });
    expect(file.status).toBe(404);
    const list = await t.request('GET', '/api/v1/documents?limit=200', { token: outsider.token });
    expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(res.body.id);
  });

  it('answers 413 for an upload over the limit, 415 for a format it does not read, 422 for an empty file; stores none', async () => {
    const before = (await t.request('GET', '/api/v1/documents?limit=200', { token: owner.token })).body.items
      .length;
    const big = await uploadFile(t, 'big.txt', Buffer.alloc(3 * 1024 * 1024, 'a'), { token: owner.token });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    expect(big.body.error.message).toContain('2 MB');
    const exe = await uploadFile(t, 'setup.exe', Buffer.from('MZ\x90\x00'), { token: owner.token });
    expect(exe.status).toBe(415);
    expect(exe.body.error.details.allowed).toContain('.pdf');
    const empty = await uploadFile(t, 'empty.txt', Buffer.alloc(0), { token: owner.token });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('empty_file');
    const json = await t.request('POST', '/api/v1/documents', { token: owner.token, body: { file: 'x' } });
    expect(json.status).toBe(415);
    const anonymous = await uploadFile(t, 'a.txt', Buffer.from('Some text about policing in Peru.'));
    expect(anonymous.status).toBe(401);
    expect(
      (await t.request('GET', '/api/v1/documents?limit=200', { token: owner.token })).body.items.length,
    ).toBe(before);
  });
});
