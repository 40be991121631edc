// Readers take time in proportion to their input, whatever its shape: each shape below used to
// take time in the square of its size (a paragraph of many lines, marks never closed, long runs of
// spaces), so that 4 MB of it held a thread for minutes. Checked by behaviour: 4 MB of each is read
// within the test's time limit, with its text intact. (Speed itself is measured by bench/readers.)
import { describe, expect, it } from 'vitest';
import { readDocument } from './index.ts';

const MB = 1024 * 1024;
const fill = (unit: string, bytes = 4 * MB) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
const LIMIT = 60_000;

describe('readers are linear in their input', () => {
  it(
    'reads 4 MB on a single line',
    async () => {
      const text = fill('Officers in Peru were trained in financial investigation techniques. ');
      const { model } = await readDocument({ bytes: Buffer.from(text), filename: 'line.txt' });
      expect(model.blocks).toHaveLength(1);
      expect(model.text.length).toBe(text.trim().length);
    },
    LIMIT,
  );

  it(
    'reads 4 MB of lines without a blank line between them, as one paragraph',
    async () => {
      const line = 'Officers in Peru were trained in financial investigation.';
      const { model } = await readDocument({ bytes: Buffer.from(fill(`${line}\n`)), filename: 'lines.txt' });
      expect(model.blocks).toHaveLength(1);
      expect(model.text.startsWith(`${line} ${line} `)).toBe(true);
    },
    LIMIT,
  );

  it.each([
    ['bold and tags never closed', '**a <x *b &amp ', 'lines.txt'],
    ['nested openings of every mark', '**a __c <b>d <sup>e <strong>f ', 'marks.md'],
    ['a heading line ending in long runs of spaces and hashes', '# a  #       ', 'heading.md'],
  ])(
    'reads 4 MB of %s',
    async (_shape, unit, filename) => {
      const { model } = await readDocument({ bytes: Buffer.from(fill(unit)), filename });
      expect(model.text.length).toBeGreaterThan(MB);
    },
    LIMIT,
  );

  it('keeps closed marks as they were read: bold fragments, tags removed, entities decoded', async () => {
    const { model } = await readDocument({
      bytes: Buffer.from('A **bold** word, <b>tagged</b> and &amp; <i>italic</i>, &#99999999; **a **b**.\n'),
      filename: 'marks.txt',
    });
    const block = model.blocks[0]!;
    expect(model.text).toBe('A bold word, tagged and & italic, &#99999999; **a b.');
    expect(block.type === 'paragraph' && block.bold).toEqual(['tagged', 'bold', 'b']);
  });
});
