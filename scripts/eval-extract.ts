// `npm run eval:extract`: runs extraction over every format of every fixture that has an expected
// record (../shared/fixtures/documents/expected/*.json) and prints field-level precision and recall
// per document kind, then every miss. `starts_with` stands for the opening words of a `text`;
// `themes_include` lists themes that must be among those extracted (recall only).
import fs from 'node:fs';
import path from 'node:path';
import { compareRecord, type ExpectedRecord, type FieldScore } from '../src/ingest/evaluation/compare.ts';
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
