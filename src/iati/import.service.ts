// Imports IATI activity files: streams each file, validates every activity, maps it and writes
// batches of activities in one transaction each, so a crash leaves whole activities only and a
// re-run updates or skips what is already there. The same identifier from another publisher is
// reported, never merged.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Database } from '../db/client.ts';
import { type IatiActivity, readActivity } from './activity.ts';
import {
  type ActivityWrite,
  type ExistingActivity,
  findExistingActivities,
  type JobProgress,
  orgKey,
  resolveOrganisations,
  updateImportJob,
  writeActivities,
} from './iati.repository.ts';
import { mapActivity, type OrgCandidate, orgCandidate } from './map.ts';
import { readIatiActivities } from './reader.ts';
import { hasErrors, type ValidationIssue, validateActivitiesRoot, validateActivity } from './validate.ts';
import { toXml } from './xml.ts';

const gzipAsync = promisify(gzip);

/**
 * Gzips each text on libuv's thread pool, a few at a time: every zlib stream holds a few hundred
 * kilobytes of native memory, so a batch gzipped all at once raised the peak RSS by 100 MB or more.
 */
async function gzipAll(texts: string[], concurrency = 4): Promise<Buffer[]> {
  const out: Buffer[] = new Array(texts.length);
  let next = 0;
  const worker = async () => {
    while (next < texts.length) {
      const i = next++;
      out[i] = await gzipAsync(texts[i]!, { level: 3 });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, texts.length) }, worker));
  return out;
}

export interface ImportIssue {
  file: string;
  /** Position of the activity in its file (from 0); absent for file-level issues. */
  activity?: number;
  identifier?: string;
  severity: 'error' | 'warning';
  rule: string;
  element?: string;
  message: string;
}

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
}

export interface ImportOptions {
  /** Expected reporting-org ref: other publishers' activities are rejected; missing refs get it. */
  publisher?: string;
  batchSize?: number;
  maxIssues?: number;
  /** Import job to keep up to date (progress is polled over HTTP). */
  jobId?: string;
  onProgress?: (report: ImportReport) => void;
}

interface Pending {
  activity: IatiActivity;
  key: string;
  xml: string;
  hash: string;
  file: string;
  index: number;
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

export async function importIatiFiles(
  db: Database,
  files: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const importer = new IatiImporter(db, options);
  return importer.run(files);
}

class IatiImporter {
  private readonly report: ImportReport = {
    files: 0,
    read: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    duplicates: 0,
    issues: [],
    issueCount: 0,
  };
  private readonly batchSize: number;
  private readonly maxIssues: number;
  /** Organisations resolved in committed batches, so later batches skip the lookup. */
  private readonly orgIds = new Map<string, string>();
  private bytesDone = 0;
  /**
   * Activities read and not yet handed to the writer. A batch spans files (most files hold a few
   * activities; each batch has a fixed cost in round trips and search-index work), but never holds
   * one key from two files, so a later file's copy is compared with the stored earlier one.
   */
  private batch: Pending[] = [];
  private batchFiles = new Map<string, string>();
  /** The batch being written: the next is read and mapped meanwhile (PostgreSQL works in parallel). */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly options: ImportOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.maxIssues = options.maxIssues ?? 1000;
  }

  async run(files: string[]): Promise<ImportReport> {
    try {
      for (const file of files) {
        await this.importFile(file);
        this.report.files++;
        this.bytesDone += fs.statSync(file).size;
        await this.progress('running');
      }
      await this.handOver();
      await this.writing;
      await this.progress('done');
      return this.report;
    } catch (err) {
      await this.writing.catch(() => {});
      await this.progress('failed', (err as Error).message);
      throw err;
    }
  }

  private issue(i: ImportIssue): void {
    this.report.issueCount++;
    if (this.report.issues.length < this.maxIssues) this.report.issues.push(i);
  }

  private async importFile(file: string): Promise<void> {
    const name = path.basename(file);
    let rootErrors = false;
    try {
      for await (const read of readIatiActivities(file, {
        onRoot: (root) => {
          for (const v of validateActivitiesRoot(root))
            this.issue(fromValidation(name, undefined, undefined, v));
          rootErrors = hasErrors(validateActivitiesRoot(root));
        },
      })) {
        this.report.read++;
        // 1.0x files (and bare <iati-activity> documents, which have no version) predate the 2.03 schema.
        const legacy = read.version === '' || read.version.startsWith('1.');
        const issues = legacy ? [] : validateActivity(read.element);
        const activity = readActivity(read.element, read.version);
        for (const v of issues) this.issue(fromValidation(name, read.index, activity.identifier, v));
        if (rootErrors || hasErrors(issues) || (legacy && !activity.identifier)) {
          if (legacy && !activity.identifier) {
            this.issue({
              file: name,
              activity: read.index,
              severity: 'error',
              rule: 'minOccurs=1',
              element: 'iati-activity/iati-identifier',
              message: 'iati-activity: an activity must have an iati-identifier [rule: minOccurs=1]',
            });
          }
          this.report.rejected++;
          continue;
        }
        const publisher = this.options.publisher;
        if (publisher) {
          if (!activity.reportingOrg.ref) activity.reportingOrg.ref = publisher;
          else if (activity.reportingOrg.ref !== publisher) {
            this.report.rejected++;
            this.issue({
              file: name,
              activity: read.index,
              identifier: activity.identifier,
              severity: 'error',
              rule: 'publisher',
              element: 'iati-activity/reporting-org',
              message: `reporting-org @ref "${activity.reportingOrg.ref}" is not the expected publisher "${publisher}" [rule: publisher]`,
            });
            continue;
          }
        }
        const xml = toXml(read.element);
        const hash = createHash('sha256').update(xml).digest('hex');
        await this.add({
          activity,
          key: activity.identifier || `sha256:${hash}`,
          xml,
          hash,
          file: name,
          index: read.index,
        });
      }
    } catch (err) {
      if (err instanceof BatchWriteError) throw err.cause;
      // A malformed file stops where it breaks: the batches before stay committed; the rest is reported.
      this.issue({
        file: name,
        severity: 'error',
        rule: 'well-formed',
        message: `${name}: ${(err as Error).message}`,
      });
    }
  }

  private async add(p: Pending): Promise<void> {
    const from = this.batchFiles.get(p.key);
    if (from !== undefined && from !== p.file) await this.handOver();
    this.batch.push(p);
    this.batchFiles.set(p.key, p.file);
    if (this.batch.length >= this.batchSize) {
      await this.handOver();
      await this.progress('running');
    }
  }

  /** Starts writing the current batch once the one before is committed (its failure is thrown here). */
  private async handOver(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.batchFiles = new Map();
    try {
      await this.writing;
    } catch (err) {
      throw new BatchWriteError(err);
    }
    if (!batch.length) return;
    this.writing = this.flush(batch);
    // Awaited by the next handOver or at the end of the run.
    this.writing.catch(() => {});
  }

  private async flush(batch: Pending[]): Promise<void> {
    if (!batch.length) return;
    // Within a batch, a later copy of the same activity replaces an earlier one from the same publisher.
    const byKey = new Map<string, Pending>();
    for (const p of batch) {
      const seen = byKey.get(p.key);
      if (seen && seen.activity.reportingOrg.ref !== p.activity.reportingOrg.ref)
        this.duplicate(p, seen.activity.reportingOrg.ref);
      else byKey.set(p.key, p);
    }
    const items = [...byKey.values()];
    // The stored sources are gzipped on libuv's thread pool while this thread talks to the database.
    const gzipped = gzipAll(items.map((p) => p.xml));
    gzipped.catch(() => {});
    const created = new Map<string, string>();
    const counts = await this.db.transaction(async (tx) => {
      const existing = new Map<string, ExistingActivity>();
      for (const row of await findExistingActivities(
        tx,
        items.map((p) => p.key),
      )) {
        existing.set(row.import_key ?? row.iati_identifier ?? '', row);
        if (row.iati_identifier) existing.set(row.iati_identifier, row);
      }
      const toWrite: { p: Pending; old?: ExistingActivity; gz: Buffer }[] = [];
      const gz = await gzipped;
      let unchanged = 0;
      for (const [i, p] of items.entries()) {
        const old = existing.get(p.key);
        if (old) {
          const publisher = p.activity.reportingOrg.ref ?? null;
          if (old.publisher !== publisher) {
            this.duplicate(p, old.publisher);
            continue;
          }
          if (old.source_hash === p.hash || isOlder(p.activity.lastUpdated, old.last_updated)) {
            unchanged++;
            continue;
          }
        }
        toWrite.push({ p, old, gz: gz[i]! });
      }
      // Organisations: reporting orgs own their activities; participants are linked by role.
      const candidates: OrgCandidate[] = [];
      const mapped = toWrite.map(({ p }) => {
        const m = mapActivity(p.activity);
        for (const w of m.warnings)
          this.issue({
            file: p.file,
            activity: p.index,
            identifier: p.activity.identifier,
            severity: 'warning',
            rule: 'mapping',
            message: w,
          });
        return m;
      });
      const owners = toWrite.map(({ p }) => {
        const o = orgCandidate(p.activity.reportingOrg, p.activity.lang, true) ?? {
          name: 'Unknown IATI publisher',
          type: 'other' as const,
        };
        candidates.push(o);
        return o;
      });
      for (const m of mapped) candidates.push(...m.participants.map((x) => x.org));
      const unresolved = candidates.filter((c) => !this.orgIds.has(orgKey(c)));
      const resolved = await resolveOrganisations(tx, unresolved);
      const orgId = (c: OrgCandidate) => this.orgIds.get(orgKey(c)) ?? resolved.get(orgKey(c));
      const writes: ActivityWrite[] = toWrite.map(({ p, old, gz }, i) => ({
        projectId: old?.project_id ?? randomUUID(),
        ownerOrgId: old?.owner_org_id ?? orgId(owners[i]!)!,
        importKey: p.key,
        activity: p.activity,
        mapped: mapped[i]!,
        participantOrgIds: mapped[i]!.participants.map((x) => orgId(x.org)),
        sourceGz: gz,
        sourceHash: p.hash,
        sourceFile: p.file,
        jobId: this.options.jobId ?? null,
      }));
      await writeActivities(
        tx,
        writes,
        toWrite.flatMap(({ old }) => (old ? [old.project_id] : [])),
      );
      for (const [k, v] of resolved) created.set(k, v);
      return {
        created: toWrite.filter((w) => !w.old).length,
        updated: toWrite.filter((w) => w.old).length,
        unchanged,
      };
    });
    for (const [k, v] of created) this.orgIds.set(k, v);
    this.report.created += counts.created;
    this.report.updated += counts.updated;
    this.report.unchanged += counts.unchanged;
  }

  private duplicate(p: Pending, publisher: string | null | undefined): void {
    this.report.duplicates++;
    this.issue({
      file: p.file,
      activity: p.index,
      identifier: p.activity.identifier,
      severity: 'error',
      rule: 'duplicate-identifier',
      element: 'iati-activity/iati-identifier',
      message: `iati-identifier "${p.activity.identifier}" is already published by "${publisher ?? 'another organisation'}"; this copy from "${p.activity.reportingOrg.ref ?? 'an unnamed publisher'}" was not imported [rule: duplicate-identifier]`,
    });
  }

  private async progress(status: JobProgress['status'], error?: string): Promise<void> {
    this.options.onProgress?.(this.report);
    if (!this.options.jobId) return;
    const r = this.report;
    await updateImportJob(this.db, this.options.jobId, {
      status,
      filesDone: r.files,
      bytesDone: this.bytesDone,
      read: r.read,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      duplicates: r.duplicates,
      issues: r.issues.slice(0, 200),
      error,
    });
  }
}

/** A batch that failed to write: it ends the import instead of being reported as a file's issue. */
class BatchWriteError extends Error {
  constructor(override readonly cause: unknown) {
    super((cause as Error)?.message);
  }
}

/** True when the incoming activity says it was last updated before the stored one. */
function isOlder(incoming: string | undefined, stored: string | null): boolean {
  if (!incoming || !stored) return false;
  const a = Date.parse(incoming);
  const b = Date.parse(stored);
  return Number.isFinite(a) && Number.isFinite(b) && a < b;
}

function fromValidation(
  file: string,
  activity: number | undefined,
  identifier: string | undefined,
  v: ValidationIssue,
): ImportIssue {
  return {
    file,
    activity,
    identifier: identifier || undefined,
    severity: v.severity,
    rule: v.rule,
    element: v.element,
    message: v.message,
  };
}
