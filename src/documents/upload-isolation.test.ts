// An upload never holds the server: a 45 MB text without a single line break is read and extracted
// in a worker thread, within a time limit, while another user's request is answered; a document
// over the limit is refused with a clear 4xx and the server carries on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';

const SLOW = 180_000;

/** A single line of prose of `mb` megabytes, written in chunks into a temporary file. */
function singleLineText(file: string, mb: number) {
  const sentence =
    'The programme trained 1,200 police officers and prosecutors in Peru and Colombia on financial investigation. ';
  const chunk = sentence.repeat(Math.ceil((1024 * 1024) / sentence.length)).slice(0, 1024 * 1024);
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < mb; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

describe('uploads off the event loop', () => {
  let t: TestApp;
  let uploader: TestMember;
  let other: TestMember;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-upload-'));
  const big = path.join(dir, 'one-line.txt');
  beforeAll(async () => {
    singleLineText(big, 45);
    t = await startTestApp({ TACIT_MAX_UPLOAD_MB: '50', TACIT_EXTRACT_SECONDS: '20' });
    uploader = (await buildOrgWithEditor(t.db)).editor;
    other = (await buildOrgWithEditor(t.db)).editor;
  }, SLOW);
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    "answers another user's request while a 45 MB single-line text is being read",
    async () => {
      const finished: string[] = [];
      const documentsBefore = await t.request('GET', '/api/v1/documents?limit=200', {
        token: uploader.token,
      });
      const upload = uploadFile(t, 'one-line.txt', fs.readFileSync(big), { token: uploader.token }).then(
        (res) => {
          finished.push('upload');
          return res;
        },
      );
      // Sent once the upload is being read: the file has arrived and its reading has begun.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const get = await t.request('GET', '/api/v1/projects?limit=5', { token: other.token });
      finished.push('get');
      expect(get.status).toBe(200);
      expect(Array.isArray(get.body.items)).toBe(true);
      const res = await upload;
      expect(finished).toEqual(['get', 'upload']);
      // Read in time, the document is stored; over the time or memory limit, a 422 says why.
      if (res.status === 201) {
        expect(res.body).toMatchObject({ filename: 'one-line.txt', size_bytes: 45 * 1024 * 1024 });
      } else {
        expect(res.status).toBe(422);
        expect(['extraction_timeout', 'too_large_to_extract']).toContain(res.body.error.code);
        expect(res.body.error.message).toMatch(/in time|more than/);
        const documentsAfter = await t.request('GET', '/api/v1/documents?limit=200', {
          token: uploader.token,
        });
        expect(documentsAfter.body.items.length).toBe(documentsBefore.body.items.length);
      }
    },
    SLOW,
  );
});
