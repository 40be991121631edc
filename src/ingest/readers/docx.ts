// Word (.docx): size-checked as a zip first, then converted by mammoth to HTML, which keeps
// headings, lists and tables, and read by the HTML reader so both formats share one walk.
import mammoth from 'mammoth';
import { IngestError } from '../errors.ts';
import { buildTextModel } from '../text-model.ts';
import { parseHtml } from './html.ts';
import type { ReadResult } from './types.ts';
import { guardZipSize } from './zip-guard.ts';

export async function readDocx(bytes: Buffer, filename: string): Promise<ReadResult> {
  const entries = guardZipSize(bytes, filename);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new IngestError(
      'unsupported_format',
      `${filename} is a zip archive but not a Word document (it has no word/document.xml). Upload a .docx saved from Word or LibreOffice.`,
    );
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (err) {
    throw new IngestError(
      'corrupt_file',
      `${filename} could not be read as a Word document (${(err as Error).message}). Open it in Word, save it again and re-upload.`,
    );
  }
  return { format: 'docx', encoding: null, model: buildTextModel(parseHtml(html)) };
}
