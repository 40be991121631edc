// The fixtures emit nothing their expected records do not hold (extract.unit.test.ts checks that
// every expected value is found; this checks the other half, precision, field by field).
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { compareRecord, type ExpectedRecord } from './evaluation/compare.ts';
import { extractDocument } from './extract.ts';
import { FIXTURE_DOCUMENTS, fixtureFormats, readFixture } from './testing/fixtures.ts';

const expectedDir = path.join(FIXTURE_DOCUMENTS, 'expected');

it('emits no value beyond the expected record, in any format of any fixture', async () => {
  const unexpected: string[] = [];
  let files = 0;
  for (const name of fs.readdirSync(expectedDir).filter((f) => f.endsWith('.json'))) {
    const expected = JSON.parse(fs.readFileSync(path.join(expectedDir, name), 'utf8')) as ExpectedRecord;
    for (const file of fixtureFormats(name.replace(/\.json$/, ''))) {
      files++;
      const { record } = await extractDocument(readFixture(file));
      for (const score of compareRecord(expected, record))
        if (score.fp) unexpected.push(`${path.basename(file)} ${score.field}: ${score.notes.join('; ')}`);
    }
  }
  expect(files).toBeGreaterThanOrEqual(8);
  expect(unexpected).toEqual([]);
});
