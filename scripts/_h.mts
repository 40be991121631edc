import fs from 'node:fs';
import { readDocument } from '../src/ingest/readers/index.ts';
import { headerSegments } from '../src/ingest/layout/header.ts';
for (const id of process.argv.slice(2)) {
  const dir = '/work/shared/fixtures/documents/field/';
  const f = dir + fs.readdirSync(dir).find((n) => n.startsWith(id) && n.endsWith('.txt'));
  const r = await readDocument({ bytes: fs.readFileSync(f), filename: 'x.txt' });
  console.log('==', id);
  for (const s of headerSegments(r.model.text, 1200)) console.log(`  ${s.kind.padEnd(12)}${s.lineEnd?'|':' '} ${s.text.slice(0, 100)}`);
}
