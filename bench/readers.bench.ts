// Reading speed of the readers on text with no line break at all, the shape that once took time in
// the square of its size (parseLines: 1 MB 9.9 s, 2 MB 34 s): MB/s for 1, 4 and 45 MB single-line
// .txt files, and for 4 MB of lines without a blank line between them. Read on this thread, as a
// worker of the extraction pool reads them.
import { readDocument } from '../src/ingest/readers/index.ts';
import type { BenchSuite } from './suites.ts';

const MB = 1024 * 1024;
const SENTENCE =
  'The programme trained 1,200 police officers and prosecutors in Peru and Colombia on **financial** investigation. ';
const fill = (unit: string, mb: number) =>
  Buffer.from(unit.repeat(Math.ceil((mb * MB) / unit.length)).slice(0, mb * MB));

async function measure(label: string, bytes: Buffer) {
  const started = performance.now();
  await readDocument({ bytes, filename: 'bench.txt' });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s  ${(bytes.length / MB / seconds).toFixed(1).padStart(6)} MB/s`,
  );
}

export const readersSuite: BenchSuite = {
  name: 'readers',
  async run() {
    await measure('warm-up, 0.1 MB single line', fill(SENTENCE, 0.1));
    for (const mb of [1, 4, 45]) await measure(`${mb} MB single line`, fill(SENTENCE, mb));
    await measure('4 MB of lines, no blank line', fill(`${SENTENCE.trim()}\n`, 4));
  },
};
