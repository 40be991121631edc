// Files Tacit must refuse, each with a stable code and a message that says what to do.
// The bad files are generated here, into a temporary directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestError } from './errors.ts';
import { extractDocument } from './extract.ts';
import { makePdf, makeZip } from './testing/files.ts';
import { fixtureFormats } from './testing/fixtures.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-bad-input-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function failure(name: string, bytes: Buffer): Promise<IngestError> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  try {
    await extractDocument({ bytes: fs.readFileSync(file), filename: name });
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return err as IngestError;
  }
  throw new Error(`${name} was accepted`);
}

const fixture = (ext: string) =>
  fs.readFileSync(fixtureFormats('annual-review-peru-colombia-soc').find((f) => f.endsWith(ext))!);

describe('bad input', () => {
  it('refuses an empty file', async () => {
    expect((await failure('empty.txt', Buffer.alloc(0))).code).toBe('empty_file');
    expect((await failure('blank.md', Buffer.from('  \n\n '))).code).toBe('empty_file');
  });

  it('refuses binary content named as text, and formats it does not read', async () => {
    const binary = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    const err = await failure('report.txt', binary);
    expect(err.code).toBe('unsupported_format');
    expect(err.message).toMatch(/binary.*Upload the document as/);
    expect((await failure('sheet.xlsx', Buffer.from('anything'))).code).toBe('unsupported_format');
  });

  it('refuses truncated PDFs and Word documents as corrupt', async () => {
    const pdf = fixture('.pdf');
    expect((await failure('cut.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.3)))).code).toBe(
      'corrupt_file',
    );
    const docx = fixture('.docx');
    const err = await failure('cut.docx', docx.subarray(0, Math.floor(docx.length / 2)));
    expect(err.code).toBe('corrupt_file');
    expect(err.message).toMatch(/truncated/);
  });

  it('refuses a password-protected PDF', async () => {
    const err = await failure('locked.pdf', makePdf([['Confidential review']], { encrypt: true }));
    expect(err.code).toBe('encrypted_pdf');
    expect(err.message).toMatch(/Remove the password/);
  });

  it('refuses a password-protected Word document (an OLE container, not a zip)', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    expect((await failure('locked.docx', ole)).code).toBe('encrypted_document');
  });

  it('refuses a PDF of scanned images with no text layer', async () => {
    const err = await failure('scan.pdf', makePdf([['x'], ['y']], { textLayer: false }));
    expect(err.code).toBe('no_text_layer');
    expect(err.message).toMatch(/OCR/);
  });

  it('refuses a zip bomb dressed as .docx before inflating it', async () => {
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(150 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const err = await failure('bomb.docx', bomb);
    expect(err.code).toBe('too_large_when_unpacked');
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = makeZip([{ name: 'notes.txt', data: Buffer.from('hello') }]);
    expect((await failure('notes.docx', zip)).code).toBe('unsupported_format');
  });

  it('reads text in an unexpected encoding instead of failing', async () => {
    const latin = Buffer.from(
      'Revue annuelle du programme au Pérou et en Colombie. Les résultats sont présentés.',
      'latin1',
    );
    const result = await extractDocument({ bytes: latin, filename: 'revue.txt' });
    expect(result.text).toContain('Pérou');
    expect(result.language).toBe('fr');
    expect(result.record.countries).toEqual(['PE', 'CO']);
  });

  it('reads a PDF generated with text on several pages', async () => {
    const result = await extractDocument({
      bytes: makePdf([['Annual Review - Summary Sheet'], ['Country/Region: Peru']]),
      filename: 'small.pdf',
    });
    expect(result.format).toBe('pdf');
    expect(result.text).toContain('Country/Region: Peru');
  });
});
