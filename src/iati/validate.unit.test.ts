import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.ts';
import { readActivity } from './activity.ts';
import { readIatiActivities } from './reader.ts';
import { hasErrors, type ValidationIssue, validateActivitiesRoot, validateActivity } from './validate.ts';

const IATI = path.resolve(REPO_ROOT, '../shared/fixtures/iati');

async function validateFile(file: string): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  for await (const a of readIatiActivities(file, {
    onRoot: (r) => issues.push(...validateActivitiesRoot(r)),
  })) {
    issues.push(...validateActivity(a.element));
  }
  return issues;
}

describe('IATI validation against the 2.03 schema', () => {
  it('rejects every should-fail file with a message naming the element and the rule', async () => {
    const dir = path.join(IATI, 'should-fail');
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(225);
    for (const f of files) {
      const errors = (await validateFile(path.join(dir, f))).filter((i) => i.severity === 'error');
      expect(errors.length, f).toBeGreaterThan(0);
      for (const e of errors)
        expect(e.message).toMatch(/^iati-activit(y|ies)\S* \(line \d+\): .+ \[rule: .+\]$/);
    }
  });

  it('accepts every should-pass file', async () => {
    const dir = path.join(IATI, 'should-pass');
    for (const f of fs.readdirSync(dir))
      expect(hasErrors(await validateFile(path.join(dir, f))), f).toBe(false);
  });

  it('says which element broke which rule', async () => {
    const messages = async (f: string) =>
      (await validateFile(path.join(IATI, 'should-fail', f)))
        .filter((i) => i.severity === 'error')
        .map((i) => i.message);
    expect(await messages('budget__11-two-value.xml')).toContainEqual(
      expect.stringMatching(
        /^iati-activity\/budget\[1\]\/value\[2\] \(line \d+\): <budget> may contain at most 1 <value> \[rule: maxOccurs=1\]$/,
      ),
    );
    expect(await messages('transaction__22-incorrect-date-value-date.xml')).toContainEqual(
      expect.stringContaining(
        '@value-date="2010-07-" must be an ISO 8601 date (YYYY-MM-DD) [rule: attribute-type xsd:date]',
      ),
    );
    expect(await messages('02-top-level-extensibility.xml')).toContainEqual(
      expect.stringContaining('<foo> is not allowed in <iati-activity> [rule: undeclared-element]'),
    );
    expect(await messages('18-missing-iati-activities-version.xml')).toContainEqual(
      expect.stringContaining(
        '<iati-activities> must have the attribute @version [rule: required-attribute]',
      ),
    );
  });

  it('reads a 1.01 DFID file into the 2.03 shape', async () => {
    const activities = [];
    for await (const a of readIatiActivities(path.join(IATI, 'dfid-v1/dfid-AF.xml.gz')))
      activities.push(readActivity(a.element, a.version));
    const hardp = activities.find((a) => a.identifier === 'GB-1-107171-101')!;
    expect(hardp.version).toBe('1.01');
    expect(hardp.titles.en).toBe(
      'Helmand Agriculture and Rural Development Programme (HARDP): MRRD - Financial Aid',
    );
    expect(hardp.dates).toEqual({
      '1': '2006-11-09',
      '2': '2006-11-09',
      '3': '2011-03-30',
      '4': '2011-03-30',
    });
    expect(hardp.sectors.map((s) => [s.vocabulary, s.code, s.percentage])).toEqual([
      ['1', '43040', 40],
      ['1', '14030', 30],
      ['1', '21020', 30],
    ]);
    expect(hardp.participants.map((p) => [p.role, p.ref])).toEqual([
      ['1', 'GB'],
      ['3', 'GB-1'],
      ['4', '52000'],
    ]);
    expect(hardp.transactions[0]).toMatchObject({
      type: '2',
      value: '10000000',
      currency: 'GBP',
      valueDate: '2006-04-01',
    });
  });
});
