// Turns the bytes of a text-like file (txt, md, html) into a string: byte-order mark first, then
// strict UTF-8, then chardet's guess decoded with iconv-lite. Binary content is refused here so
// that a renamed image or archive never reaches the extractors as gibberish.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { IngestError } from '../errors.ts';

export interface DecodedText {
  text: string;
  encoding: string;
}

const MAX_CONTROL_RATIO = 0.02;
const MAX_REPLACEMENT_RATIO = 0.01;

function controlRatio(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) control++;
  }
  return text.length ? control / text.length : 0;
}

function fromBom(bytes: Buffer): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  return null;
}

/** Decode a text file, or throw `unsupported_format` (binary) / `undecodable_text`. */
export function decodeText(bytes: Buffer, filename: string, declared?: string): DecodedText {
  const bom = fromBom(bytes);
  if (bom) return bom;

  if (bytes.includes(0)) {
    // UTF-16 without a BOM shows as every other byte zero; anything else with NULs is binary.
    const guess = chardet.detect(bytes);
    if (guess && /^UTF-16/i.test(guess)) {
      const text = iconv.decode(bytes, guess);
      if (controlRatio(text) < MAX_CONTROL_RATIO) return { text, encoding: guess.toLowerCase() };
    }
    throw new IngestError(
      'unsupported_format',
      `${filename} looks like a binary file, not text. Upload the document as .txt, .md, .html, .docx or .pdf.`,
    );
  }

  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (controlRatio(text) > MAX_CONTROL_RATIO) {
      throw new IngestError(
        'unsupported_format',
        `${filename} contains control characters that text does not have; it is probably a binary file. Upload it as .txt, .md, .html, .docx or .pdf.`,
      );
    }
    return { text, encoding: 'utf-8' };
  } catch (err) {
    if (err instanceof IngestError) throw err;
  }

  const encoding = (declared && iconv.encodingExists(declared) ? declared : chardet.detect(bytes)) ?? '';
  if (!encoding || !iconv.encodingExists(encoding)) {
    throw new IngestError(
      'undecodable_text',
      `Could not tell the character encoding of ${filename}. Save it as UTF-8 and upload it again.`,
      { guessed: encoding || null },
    );
  }
  const text = iconv.decode(bytes, encoding);
  const replacements = (text.match(/\uFFFD/g) ?? []).length;
  if (
    controlRatio(text) > MAX_CONTROL_RATIO ||
    replacements / Math.max(1, text.length) > MAX_REPLACEMENT_RATIO
  ) {
    throw new IngestError(
      'undecodable_text',
      `${filename} does not decode cleanly as ${encoding}. Save it as UTF-8 and upload it again.`,
      { guessed: encoding },
    );
  }
  return { text, encoding: encoding.toLowerCase() };
}
