import fs from 'node:fs';
import { readDocument } from '/work/wt/extract/src/ingest/readers/index.ts';
import { findLabelValues } from '/work/wt/extract/src/ingest/layout/labels.ts';
for (const id of process.argv.slice(2)) {
  const dir = '/work/shared/fixtures/documents/field/';
  const f = dir + fs.readdirSync(dir).find((n) => n.startsWith(id) && n.endsWith('.txt'));
  const r = await readDocument({ bytes: fs.readFileSync(f), filename: 'x.txt' });
  console.log('==', id);
  for (const p of findLabelValues(r.model.text)) console.log(`  ${p.field}\t${p.label}|${p.qualifier}|\t${p.value.slice(0, 90)}`);
}
