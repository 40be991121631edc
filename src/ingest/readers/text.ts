// Plain text (.txt): decoded from whatever encoding it came in; tab-separated lines are table rows,
// and the Markdown-ish marks that text exports keep ('#' headings, <b>, **bold**) are understood.
import { buildTextModel } from '../text-model.ts';
import { decodeText } from './decode.ts';
import { parseLines } from './lines.ts';
import type { ReadResult } from './types.ts';

export function readText(bytes: Buffer, filename: string): ReadResult {
  const { text, encoding } = decodeText(bytes, filename);
  return { format: 'text', encoding, model: buildTextModel(parseLines(text, { markdown: false })) };
}
