// `npm run eval:extract`: runs extraction over every format of every fixture that has an expected
// record (../shared/fixtures/documents/expected/*.json) and prints field-level precision and recall
// per document kind, then every miss. `starts_with` stands for the opening words of a `text`;
// `themes_include` lists themes that must be among those extracted (recall only).
import fs from 'node:fs';
import path from 'node:path';
import { compareRecord, type ExpectedRecord, type FieldScore } from '../src/ingest/evaluation/compare.ts';
import {
  add,
  compareFieldRecord,
  fieldDocuments,
  HELD_OUT,
  precision,
  ROTATION_2,
  recall,
  type Tally,
} from '../src/ingest/evaluation/field-corpus.ts';
import { extractDocument } from '../src/ingest/extract.ts';
import { FIXTURE_DOCUMENTS, fixtureFormats } from '../src/ingest/testing/fixtures.ts';

const DOCUMENTS = FIXTURE_DOCUMENTS;
const totals = new Map<string, Map<string, FieldScore>>();
const misses: string[] = [];
let documents = 0;

for (const file of fs
  .readdirSync(path.join(DOCUMENTS, 'expected'))
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const expected = JSON.parse(
    fs.readFileSync(path.join(DOCUMENTS, 'expected', file), 'utf8'),
  ) as ExpectedRecord;
  const base = file.replace(/\.json$/, '');
  for (const source of fixtureFormats(base)) {
    documents++;
    const started = performance.now();
    const result = await extractDocument({ bytes: fs.readFileSync(source), filename: path.basename(source) });
    const ms = performance.now() - started;
    const scores = compareRecord(expected, result.record as Record<string, unknown>);
    const kind = String(expected.kind);
    const byField = totals.get(kind) ?? new Map<string, FieldScore>();
    totals.set(kind, byField);
    let wrong = 0;
    for (const score of scores) {
      const sum = byField.get(score.field) ?? { field: score.field, tp: 0, fp: 0, fn: 0, notes: [] };
      sum.tp += score.tp;
      sum.fp += score.fp;
      sum.fn += score.fn;
      byField.set(score.field, sum);
      if (score.fn || score.fp) wrong++;
      for (const note of score.notes)
        misses.push(`${path.relative(DOCUMENTS, source)} ${score.field}: ${note}`);
    }
    console.log(
      `${path.relative(DOCUMENTS, source).padEnd(52)} ${result.format.padEnd(5)} ${ms.toFixed(0).padStart(5)} ms  ${wrong ? `${wrong} field(s) with misses` : 'all fields right'}`,
    );
  }
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(0)}%` : '—').padStart(5);
for (const [kind, fields] of totals) {
  console.log(`\n${kind}`);
  console.log(`  ${'field'.padEnd(22)} ${'prec.'.padStart(5)} ${'recall'.padStart(6)}   tp  fp  fn`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of fields.values()) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    console.log(
      `  ${s.field.padEnd(22)} ${pct(s.tp, s.tp + s.fp)} ${pct(s.tp, s.tp + s.fn).padStart(6)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`,
    );
  }
  console.log(
    `  ${'ALL'.padEnd(22)} ${pct(tp, tp + fp)} ${pct(tp, tp + fn).padStart(6)}  ${String(tp).padStart(3)} ${String(fp).padStart(3)} ${String(fn).padStart(3)}`,
  );
}
console.log(`\n${documents} documents.${misses.length ? ' Misses:' : ' No misses.'}`);
for (const miss of misses) console.log(`  ${miss}`);

// ---- The field corpus: 30 real openings, scored per kind, language and field, for the tuning
// split, the held-out split and both. Misses are listed for tuning documents only, so that nobody
// tunes on the held-out eight by accident (`--show-held-out` lists theirs too).
const showHeldOut = process.argv.includes('--show-held-out');
// `--rotation=2` holds out the second rotation's eight instead of the first's.
const rotation = process.argv.find((a) => a.startsWith('--rotation='))?.split('=')[1] ?? '1';
if (!['1', '2'].includes(rotation)) throw new Error(`--rotation is 1 or 2, not "${rotation}"`);
const splits = {
  tuning: new Map<string, Tally>(),
  'held-out': new Map<string, Tally>(),
  all: new Map<string, Tally>(),
};
const fieldMisses: string[] = [];
console.log(`\nField corpus (../shared/fixtures/documents/field), held-out rotation ${rotation}`);
for (const doc of fieldDocuments(undefined, rotation === '2' ? ROTATION_2 : HELD_OUT)) {
  const started = performance.now();
  const result = await extractDocument({
    bytes: fs.readFileSync(doc.file),
    filename: path.basename(doc.file),
  });
  const ms = performance.now() - started;
  const scores = compareFieldRecord(doc.expected, result.record as Record<string, unknown>);
  const split = doc.heldOut ? 'held-out' : 'tuning';
  let wrong = 0;
  for (const s of scores) {
    for (const into of [splits[split], splits.all]) {
      add(into, 'ALL', s);
      add(into, `kind ${doc.kind}`, s);
      add(into, `language ${doc.language}`, s);
      add(into, `field ${s.field}`, s);
    }
    if (s.fn || s.fp) wrong++;
    if (!doc.heldOut || showHeldOut)
      for (const note of s.notes) fieldMisses.push(`${doc.id} ${s.field}: ${note}`);
  }
  console.log(
    `${doc.base.slice(0, 60).padEnd(61)} ${split.padEnd(8)} ${ms.toFixed(0).padStart(4)} ms  ${wrong ? `${wrong} field(s) with misses` : 'all fields right'}`,
  );
}
const pc = (x: number) => `${(100 * x).toFixed(0)}%`.padStart(5);
for (const [split, tallies] of Object.entries(splits)) {
  console.log(`\nField corpus, ${split}: ${'prec.'.padStart(5)} ${'recall'.padStart(6)}   tp  fp  fn`);
  const rows = [...tallies.entries()].sort(([a], [b]) =>
    a === 'ALL' ? -1 : b === 'ALL' ? 1 : a.localeCompare(b),
  );
  for (const [key, t] of rows)
    console.log(
      `  ${key.padEnd(30)} ${pc(precision(t))} ${pc(recall(t)).padStart(6)}  ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}`,
    );
}
console.log(`\nField corpus misses (tuning documents${showHeldOut ? ' and held-out' : ''}):`);
for (const miss of fieldMisses) console.log(`  ${miss}`);
