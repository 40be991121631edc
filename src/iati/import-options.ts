// What an IATI import is asked to do and what it answers, and the files it reads: shared by the
// importer (import.service.ts), the HTTP job (iati.service.ts) and `tacit import-iati`.
import fs from 'node:fs';
import path from 'node:path';
import type { Viewer } from '../access/viewer.ts';
import type { UploaderAuthority } from './import-authority.ts';
import type { ImportIssue } from './prepare.ts';

export interface ImportReport {
  files: number;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  duplicates: number;
  /** The first `maxIssues` issues; `issueCount` says how many there were. */
  issues: ImportIssue[];
  issueCount: number;
  /** One message per file that broke off before its end (truncated or damaged): the run failed. */
  broken: string[];
}

export interface ImportOptions {
  /** Expected reporting-org ref: other publishers' activities are rejected; missing refs get it. */
  publisher?: string;
  batchSize?: number;
  maxIssues?: number;
  /** Import job to keep up to date (progress is polled over HTTP). */
  jobId?: string;
  onProgress?: (report: ImportReport) => void;
  /**
   * An upload made by a user for an organisation (the HTTP import): only what that organisation
   * may write is written, the rest is reported. Absent for the operator's own `tacit import-iati`.
   */
  uploader?: UploaderAuthority & { viewer: Viewer };
  /** The names the files had when they were uploaded, in the order of `files`, for the report. */
  fileNames?: string[];
}

/** Expands directories to the .xml and .xml.gz files inside them (sorted, not recursive). */
export function listIatiFiles(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (!fs.statSync(p).isDirectory()) return [p];
    return fs
      .readdirSync(p)
      .filter((f) => /\.xml(\.gz)?$/i.test(f))
      .sort()
      .map((f) => path.join(p, f));
  });
}
