// `tacit import` end to end, as a user runs it: good and bad files together, a summary of what
// was created and what failed and why, exit code 1 on failures, the embedded engine tidied
// afterwards, and the same files again recognised as duplicates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';
import { DOCUMENTS_DIR } from '../../../test/support/fixtures.ts';
import { createUnopenedTestDatabase, testEngine } from '../../../test/support/test-db.ts';
import { makePdf } from '../../ingest/testing/files.ts';

const SLOW = 240_000;

describe('tacit import', () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-import-'));
  beforeAll(async () => {
    ({ env, drop } = await createUnopenedTestDatabase());
    const pdf = fs.readFileSync(path.join(DOCUMENTS_DIR, 'formats/annual-review-peru-colombia-soc.pdf'));
    fs.copyFileSync(
      path.join(DOCUMENTS_DIR, 'formats/evaluation-brief-xcax75.docx'),
      path.join(dir, 'brief.docx'),
    );
    fs.writeFileSync(path.join(dir, 'review.pdf'), pdf);
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'cut.pdf'), pdf.subarray(0, Math.floor(pdf.length / 3)));
  }, SLOW);
  afterAll(async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'imports and confirms the good files, reports the bad ones with their reasons, and exits 1',
    async () => {
      const org = await runCli(['org', 'add', 'Importing Agency', '--acronym', 'IMPA'], env);
      expect(org.code, org.stderr).toBe(0);
      const run = await runCli(['import', dir, '--org', 'IMPA', '--confirm', '--json'], env, SLOW);
      expect(run.code, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout);
      expect(report).toMatchObject({ files: 4, stored: 2, confirmed: 2, duplicates: 0 });
      expect(report.created).toMatchObject({
        projects: 2,
        reviews: 2,
        evaluations: 1,
        recommendations: 10,
        lessons: 4,
      });
      // The organisations the documents propose are registered by --confirm.
      expect(report.created.organisations).toBeGreaterThan(3);
      const failed = Object.fromEntries(
        report.failed.map((f: { file: string; code: string }) => [path.basename(f.file), f.code]),
      );
      expect(failed).toEqual({ 'empty.txt': 'empty_file', 'cut.pdf': 'corrupt_file' });
      expect(run.stderr).toContain('[4/4]');
      // The embedded engine is tidied once the import is done (on PostgreSQL autovacuum does it).
      if (testEngine() === 'pglite') expect(run.stderr).toMatch(/Vacuumed or analysed [1-9]\d* tables in/);
      else expect(run.stderr).not.toContain('Vacuumed');

      const again = await runCli(['import', dir, '--org', 'IMPA'], env, SLOW);
      expect(again.code).toBe(1);
      expect(again.stdout).toMatch(/4 files in .* 0 stored, 0 confirmed, 2 duplicates, 2 failed/);
      expect(again.stdout).toContain('empty_file');
    },
    SLOW,
  );

  it(
    'confirms the rest of a batch around a scanned PDF, names the scan and why, and exits 1',
    async () => {
      const batch = fs.mkdtempSync(path.join(dir, 'batch-'));
      // Read in name order: the scan sits between the two documents that import.
      fs.copyFileSync(
        path.join(DOCUMENTS_DIR, 'annual-review-peru-colombia-soc.txt'),
        path.join(batch, '1-review.txt'),
      );
      fs.writeFileSync(
        path.join(batch, '2-scan.pdf'),
        makePdf([['page one'], ['page two']], { textLayer: false }),
      );
      fs.copyFileSync(
        path.join(DOCUMENTS_DIR, 'meeting-report-crimjust-integrity.txt'),
        path.join(batch, '3-meeting.txt'),
      );
      const run = await runCli(['import', batch, '--org', 'IMPA', '--confirm', '--json'], env, SLOW);
      expect(run.code, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout);
      expect(report).toMatchObject({ files: 3, stored: 2, confirmed: 2, duplicates: 0 });
      expect(report.created.meetings).toBe(1);
      // The review's project came in with the first batch: its review is created or brought up to date.
      expect(report.created.reviews + report.updated.reviews).toBeGreaterThanOrEqual(1);
      expect(report.failed).toHaveLength(1);
      expect(path.basename(report.failed[0].file)).toBe('2-scan.pdf');
      expect(report.failed[0].code).toBe('no_text_layer');
      expect(report.failed[0].reason).toMatch(/OCR/);
      expect(run.stderr).toMatch(/\[[1-3]\/3\] 2-scan\.pdf: failed: .*no text layer/);
    },
    SLOW,
  );
});
