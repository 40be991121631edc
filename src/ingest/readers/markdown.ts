// Markdown (.md): the plain-text line grammar plus pipe tables and setext headings.
import { buildTextModel } from '../text-model.ts';
import { decodeText } from './decode.ts';
import { parseLines } from './lines.ts';
import type { ReadResult } from './types.ts';

export function readMarkdown(bytes: Buffer, filename: string): ReadResult {
  const { text, encoding } = decodeText(bytes, filename);
  return { format: 'markdown', encoding, model: buildTextModel(parseLines(text, { markdown: true })) };
}
