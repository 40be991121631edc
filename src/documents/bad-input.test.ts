// Bad files through the upload API: each gets a clear error (what was wrong, what to do), the
// server keeps serving, and nothing already stored changes. The bad files are generated here.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { DOCUMENTS_DIR } from '../../test/support/fixtures.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { makePdf, makeZip } from '../ingest/testing/files.ts';

const fixture = (name: string) => fs.readFileSync(path.join(DOCUMENTS_DIR, name));

describe('bad uploads', () => {
  let t: TestApp;
  let owner: TestMember;
  let stored: { id: string; text: string; version: number };
  beforeAll(async () => {
    t = await startTestApp();
    owner = (await buildOrgWithEditor(t.db)).editor;
    const res = await uploadFile(t, 'brief.txt', fixture('evaluation-brief-xcax75.txt'), {
      token: owner.token,
    });
    stored = (await t.request('GET', `/api/v1/documents/${res.body.id}`, { token: owner.token })).body;
  });
  afterAll(() => t.close());

  const pdf = fixture('formats/annual-review-peru-colombia-soc.pdf');
  const docx = fixture('formats/annual-review-peru-colombia-soc.docx');
  const cases: [string, string, () => Buffer, number, string, RegExp][] = [
    ['an empty file', 'empty.txt', () => Buffer.alloc(0), 422, 'empty_file', /empty/i],
    [
      'binary content named as text',
      'report.txt',
      () => Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)),
      415,
      'unsupported_format',
      /Upload the document as/,
    ],
    [
      'a truncated PDF',
      'cut.pdf',
      () => pdf.subarray(0, Math.floor(pdf.length * 0.3)),
      422,
      'corrupt_file',
      /./,
    ],
    [
      'a truncated Word document',
      'cut.docx',
      () => docx.subarray(0, Math.floor(docx.length / 2)),
      422,
      'corrupt_file',
      /truncated/,
    ],
    [
      'a password-protected PDF',
      'locked.pdf',
      () => makePdf([['Confidential review']], { encrypt: true }),
      422,
      'encrypted_pdf',
      /Remove the password/,
    ],
    [
      'a password-protected Word document',
      'locked.docx',
      () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      422,
      'encrypted_document',
      /password/i,
    ],
    [
      'a PDF with no text layer',
      'scan.pdf',
      () => makePdf([['x'], ['y']], { textLayer: false }),
      422,
      'no_text_layer',
      /OCR/,
    ],
    [
      'a .docx zip bomb',
      'bomb.docx',
      () =>
        makeZip([
          { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
          { name: 'word/document.xml', data: Buffer.alloc(150 * 1024 * 1024) },
        ]),
      422,
      'too_large_when_unpacked',
      /./,
    ],
    [
      'an upload over the size limit',
      'huge.pdf',
      () => Buffer.concat([pdf, Buffer.alloc(3 * 1024 * 1024)]),
      413,
      'payload_too_large',
      /2 MB.*TACIT_MAX_UPLOAD_MB/,
    ],
  ];

  it.each(cases)(
    'refuses %s with a clear message and changes nothing',
    async (_what, name, bytes, status, code, advice) => {
      const before = (await t.request('GET', '/api/v1/documents?limit=200', { token: owner.token })).body
        .items;
      const res = await uploadFile(t, name, bytes(), { token: owner.token });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(advice);
      expect(res.body.error.message.length).toBeGreaterThan(30);
      // The server still serves, and what was stored is as it was.
      const after = (await t.request('GET', '/api/v1/documents?limit=200', { token: owner.token })).body
        .items;
      expect(after).toEqual(before);
      const doc = await t.request('GET', `/api/v1/documents/${stored.id}`, { token: owner.token });
      expect(doc.body).toMatchObject({ text: stored.text, version: stored.version });
    },
  );

  it('stores a document in a language it does not read, names the language and invents no field', async () => {
    // Written for this test: a German progress report on a policing project.
    const german = Buffer.from(
      [
        'Jahresbericht über das Projekt zur Stärkung der Polizei in den Regionen des Landes.',
        'Das Projekt wird von der Gesellschaft für Zusammenarbeit durchgeführt und von dem Ministerium',
        'für Inneres finanziert. Die Evaluierung hat gezeigt, dass die Ausbildung der Beamten in den',
        'Regionen mit den meisten Gewaltverbrechen die Zahl der Anzeigen deutlich erhöht hat.',
      ].join('\n'),
      'utf8',
    );
    const res = await uploadFile(t, 'bericht.txt', german, { token: owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.language).toBe('de');
    const listed = await t.request('GET', '/api/v1/documents?language=de', { token: owner.token });
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([res.body.id]);
    const { kind: _k, language: _l, provenance: _p, ...fields } = res.body.draft.record;
    expect(fields).toEqual({});
    const bad = await t.request('GET', '/api/v1/documents?language=German', { token: owner.token });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error)).toContain('two-letter ISO 639-1 code');
  });

  it('reads text in an unexpected encoding instead of refusing it', async () => {
    const latin1 = Buffer.from(
      'Revue annuelle du programme au Pérou et en Colombie. Les résultats sont présentés par pays.',
      'latin1',
    );
    const res = await uploadFile(t, 'revue.txt', latin1, { token: owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.language).toBe('fr');
    expect(res.body.draft.record.countries).toEqual(['PE', 'CO']);
    const doc = await t.request('GET', `/api/v1/documents/${res.body.id}`, { token: owner.token });
    expect(doc.body.text).toContain('Pérou');
  });
});
