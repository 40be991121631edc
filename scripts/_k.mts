import fs from 'node:fs';
import { readDocument } from '../src/ingest/readers/index.ts';
import { classifyDocument } from '../src/ingest/extractors/classify.ts';
import { HELD_OUT } from '../src/ingest/evaluation/field-corpus.ts';
const dir = '/work/shared/fixtures/documents/field/';
for (const n of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
  if (HELD_OUT.has(n.slice(0, 2))) continue;
  const r = await readDocument({ bytes: fs.readFileSync(dir + n), filename: 'x.txt' });
  const c = classifyDocument(r.model.text);
  const exp = n.split('-')[1];
  console.log(c.kind === exp ? 'ok ' : 'BAD', n.slice(0, 40), c.kind, c.confidence);
}
for (const n of ['annual-review-peru-colombia-soc.txt','background-note-ta-effectiveness.txt','evaluation-brief-xcax75.txt','meeting-report-crimjust-integrity.txt']) {
  const r = await readDocument({ bytes: fs.readFileSync('/work/shared/fixtures/documents/' + n), filename: 'x.txt' });
  console.log('seed', n, JSON.stringify(classifyDocument(r.model.text)));
}
