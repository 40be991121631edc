// Chooses the reader for a file from its magic bytes first (a renamed file is still what it is),
// then its media type and extension.
import path from 'node:path';
import { IngestError } from '../errors.ts';
import { readHtml } from './html.ts';
import { readMarkdown } from './markdown.ts';
import { readText } from './text.ts';
import type { ReadResult } from './types.ts';

// pdf.js and mammoth are large: load them on the first PDF or Word file, not at start-up.
const readPdf = async (bytes: Buffer, filename: string) =>
  (await import('./pdf.ts')).readPdf(bytes, filename);
const readDocx = async (bytes: Buffer, filename: string) =>
  (await import('./docx.ts')).readDocx(bytes, filename);

export type { DocumentFormat, ReadResult } from './types.ts';

export interface DocumentInput {
  bytes: Buffer;
  filename: string;
  mediaType?: string;
}

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((b, i) => bytes[i] === b);

const UNSUPPORTED_EXTENSIONS = new Set([
  '.doc',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.rtf',
  '.xml',
  '.zip',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.tif',
  '.tiff',
]);

export async function readDocument(input: DocumentInput): Promise<ReadResult> {
  const { bytes, filename } = input;
  const ext = path.extname(filename).toLowerCase();
  const media = (input.mediaType ?? '').toLowerCase();
  if (
    !bytes.length ||
    (!bytes.toString('utf8', 0, Math.min(bytes.length, 4096)).trim() && bytes.length < 4096)
  ) {
    throw new IngestError(
      'empty_file',
      `${filename} is empty. Choose the file again; if it is empty on your disk too, export it again.`,
    );
  }

  let result: ReadResult;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) result = await readPdf(bytes, filename);
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    result = await readDocx(bytes, filename);
  else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    // OLE compound file: either a legacy .doc or a password-protected (encrypted) .docx.
    throw new IngestError(
      ext === '.docx' ? 'encrypted_document' : 'unsupported_format',
      ext === '.docx'
        ? `${filename} is password-protected. Remove the password in Word (File > Info > Protect Document) and upload it again.`
        : `${filename} is a legacy Word/Office file. Save it as .docx or PDF and upload it again.`,
    );
  } else if (ext === '.pdf' || media === 'application/pdf') {
    throw new IngestError(
      'corrupt_file',
      `${filename} is named as a PDF but does not start like one. Export it again and re-upload.`,
    );
  } else if (ext === '.docx') {
    throw new IngestError(
      'corrupt_file',
      `${filename} is named as a Word document but is not a zip archive. Save it again from Word and re-upload.`,
    );
  } else if (UNSUPPORTED_EXTENSIONS.has(ext)) {
    throw new IngestError(
      'unsupported_format',
      `${ext} files are not read here. Upload the document as .txt, .md, .html, .docx or .pdf.`,
    );
  } else if (
    ext === '.html' ||
    ext === '.htm' ||
    media.includes('html') ||
    /^\s*<(!doctype html|html)/i.test(bytes.toString('latin1', 0, 512))
  )
    result = readHtml(bytes, filename);
  else if (ext === '.md' || ext === '.markdown' || media === 'text/markdown')
    result = readMarkdown(bytes, filename);
  else result = readText(bytes, filename);

  if (!result.model.text.trim()) {
    throw new IngestError(
      'empty_file',
      `${filename} contains no text. If it holds only images, upload a version with text.`,
    );
  }
  return result;
}
