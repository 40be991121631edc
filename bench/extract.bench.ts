// Extraction speed: a summary-sheet text (target < 50 ms) and a 20-page PDF (target < 1 s),
// plus every fixture format. Figures are medians of several runs after a warm-up.
import fs from 'node:fs';
import path from 'node:path';
import { extractDocument } from '../src/ingest/extract.ts';
import { makePdf } from '../src/ingest/testing/files.ts';
import { FIXTURE_DOCUMENTS, fixtureFormats } from '../src/ingest/testing/fixtures.ts';
import { record } from './budget.ts';
import type { BenchSuite } from './suites.ts';

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Twenty A4 pages of running text wrapped at ~95 characters, 50 lines a page. */
function twentyPagePdf(): Buffer {
  const source = fs.readFileSync(
    path.join(FIXTURE_DOCUMENTS, 'background-note-ta-effectiveness.txt'),
    'latin1',
  );
  const words = source.replace(/[^\x20-\x7e]+/g, ' ').split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; lines.length < 20 * 50; i++) {
    const word = words[i % words.length]!;
    if (line.length + word.length > 95) {
      lines.push(line);
      line = '';
    }
    line += `${word} `;
  }
  return makePdf(Array.from({ length: 20 }, (_, p) => lines.slice(p * 50, p * 50 + 50)));
}

export const extractSuite: BenchSuite = {
  name: 'extract',
  async run() {
    const sheet = fixtureFormats('annual-review-peru-colombia-soc').find((f) => f.endsWith('.txt'))!;
    const sheetBytes = fs.readFileSync(sheet);
    const sheetMs = await median(20, () => extractDocument({ bytes: sheetBytes, filename: 'sheet.txt' }));
    console.log(`summary-sheet text extraction: ${sheetMs.toFixed(1)} ms (target < 50 ms)`);
    record('extract/summary sheet', sheetMs, 'ms');

    const pdf = twentyPagePdf();
    const pdfMs = await median(5, () => extractDocument({ bytes: pdf, filename: 'twenty-pages.pdf' }));
    console.log(
      `20-page PDF extraction:        ${pdfMs.toFixed(0)} ms (target < 1000 ms, ${(pdf.length / 1024).toFixed(0)} KB)`,
    );
    record('extract/20-page PDF', pdfMs, 'ms');

    for (const base of [
      'annual-review-peru-colombia-soc',
      'evaluation-brief-xcax75',
      'meeting-report-crimjust-integrity',
      'background-note-ta-effectiveness',
    ]) {
      for (const file of fixtureFormats(base)) {
        const bytes = fs.readFileSync(file);
        const ms = await median(5, () => extractDocument({ bytes, filename: path.basename(file) }));
        console.log(`  ${path.relative(FIXTURE_DOCUMENTS, file).padEnd(50)} ${ms.toFixed(1).padStart(7)} ms`);
      }
    }
  },
};
