// A truncated IATI file never ends as a quiet success: the import reports the file and the activity
// where it broke off, keeps the complete activities before it, and the job ends failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IATI_DIR } from '../../test/support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.ts';
import { sql } from '../db/sql.ts';
import { importIatiFiles } from './import.service.ts';

describe('a truncated IATI file', () => {
  let t: TestDatabase;
  let tmp: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-iati-cut-'));
  });
  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await t.drop();
  });

  it('says where a gzip cut in half broke off, and keeps only the complete activities before it', async () => {
    const whole = fs.readFileSync(path.join(IATI_DIR, 'usaid/usaid-mx.xml.gz'));
    const file = path.join(tmp, 'usaid-mx-cut.xml.gz');
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const report = await importIatiFiles(t.db, [file]);
    expect(report.read).toBeGreaterThan(0);
    expect(report.read).toBeLessThan(289);
    expect(report.broken).toEqual([
      expect.stringContaining(`usaid-mx-cut.xml.gz breaks off at activity #${report.read}`),
    ]);
    expect(report.broken[0]).toContain('truncated');
    expect(report.issues.at(-1)).toMatchObject({
      file: 'usaid-mx-cut.xml.gz',
      activity: report.read,
      rule: 'well-formed',
    });
    expect(report.created + report.rejected).toBe(report.read);
    const [stored] = await t.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM iati_activities WHERE source_file = 'usaid-mx-cut.xml.gz'`,
    );
    expect(stored!.n).toBe(report.created);
  });
});
