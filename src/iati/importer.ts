// The IATI bulk importer: a worker thread streams each file, validates and maps every activity
// (prepare.ts); this thread writes batches of activities in one transaction each, so a crash
// leaves whole activities only and a re-run updates or skips what is already there. The same
// identifier from another publisher is reported, never merged; an upload made for an organisation
// writes only what that organisation may (import-authority.ts).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Database } from '../db/client.ts';
import { tidyAfterBulkWrite } from '../db/maintenance.ts';
import { fromDatabaseError } from '../server/database-errors.ts';
import {
  type ActivityWrite,
  type ExistingActivity,
  findExistingActivities,
  orgKey,
  resolveOrganisations,
  writeActivities,
} from './iati.repository.ts';
import { matchExisting, refusalFor } from './import-authority.ts';
import { type JobProgress, updateImportJob } from './import-jobs.repository.ts';
import type { ImportOptions, ImportReport } from './import-options.ts';
import type { OrgCandidate } from './map.ts';
import type { ImportIssue, PreparedActivity } from './prepare.ts';
import { preparedChunks } from './prepare-thread.ts';

/** Activities in the first batch at most; the next ones double up to batchSize (see IatiImporter.batchLimit). */
const FIRST_BATCH = 100;

export class IatiImporter {
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
    broken: [],
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
  private batch: PreparedActivity[] = [];
  private batchFiles = new Map<string, string>();
  /** The batch being written: the next is gathered meanwhile, from what the worker read ahead. */
  private writing: Promise<void> = Promise.resolve();
  /**
   * Size of the batch being gathered. The first batches are small, so the database starts writing
   * sooner (it waited for the first 500 activities to be read: 0.6 s of the USAID import's 12),
   * and each is twice the one before, up to batchSize, so the reading thread keeps ahead. Sizes
   * are fixed rather than whatever was gathered when the writer is free: that made PGlite, which
   * writes on this thread and so takes the worker's chunks only between batches, write batches of
   * 100 (USAID import 23 -> 27 s).
   */
  private batchLimit: number;

  constructor(
    private readonly db: Database,
    private readonly options: ImportOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.batchLimit = Math.min(this.batchSize, FIRST_BATCH);
    this.maxIssues = options.maxIssues ?? 1000;
  }

  async run(files: string[]): Promise<ImportReport> {
    try {
      // Files are read, validated and mapped in a worker thread, at most one batch ahead.
      const chunks = preparedChunks(files, {
        publisher: this.options.publisher,
        fileNames: this.options.fileNames,
        maxAhead: this.batchSize,
      });
      let fileIndex = 0;
      for await (const chunk of chunks) {
        this.report.read += chunk.read;
        this.report.rejected += chunk.rejected;
        for (const i of chunk.issues) {
          this.issue(i);
          if (i.rule === 'well-formed')
            this.report.broken.push(`${i.file}${i.activity ? ' ' : ': '}${i.message}`);
        }
        for (const p of chunk.activities) await this.add(p);
        if (chunk.fileDone) {
          this.report.files++;
          this.bytesDone += fs.statSync(files[fileIndex++]!).size;
          await this.progress('running');
        }
      }
      await this.handOver();
      await this.writing;
      if (this.report.created || this.report.updated) await tidyAfterBulkWrite(this.db);
      // A file that breaks off (truncated, or malformed part way) ends the job as failed, saying
      // where it broke and that the activities before were kept: never a silent "done".
      if (this.report.broken.length) await this.progress('failed', this.report.broken.join('; '));
      else await this.progress('done');
      return this.report;
    } catch (err) {
      await this.writing.catch(() => {});
      const cause = err instanceof BatchWriteError ? err.cause : err;
      // The job's error is read over HTTP: a database error is worded by field, not constraint.
      await this.progress('failed', fromDatabaseError(cause)?.message ?? (cause as Error).message);
      throw cause;
    }
  }

  private issue(i: ImportIssue): void {
    this.report.issueCount++;
    if (this.report.issues.length < this.maxIssues) this.report.issues.push(i);
  }

  private async add(p: PreparedActivity): Promise<void> {
    const from = this.batchFiles.get(p.key);
    if (from !== undefined && from !== p.file) await this.handOver();
    this.batch.push(p);
    this.batchFiles.set(p.key, p.file);
    if (this.batch.length >= this.batchLimit) {
      this.batchLimit = Math.min(this.batchSize, this.batchLimit * 2);
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

  private async flush(batch: PreparedActivity[]): Promise<void> {
    if (!batch.length) return;
    // Within a batch, a later copy of the same activity replaces an earlier one from the same publisher.
    const byKey = new Map<string, PreparedActivity>();
    for (const p of batch) {
      const seen = byKey.get(p.key);
      if (seen && seen.publisher !== p.publisher) this.duplicate(p, seen.publisher);
      else byKey.set(p.key, p);
    }
    const items = [...byKey.values()];
    const created = new Map<string, string>();
    const counts = await this.db.transaction(async (tx) => {
      // An identifier may be held by several organisations' projects (unique per owner).
      const holders = new Map<string, ExistingActivity[]>();
      for (const row of await findExistingActivities(
        tx,
        items.map((p) => p.key),
        this.options.uploader?.viewer,
      )) {
        for (const key of new Set([row.import_key, row.iati_identifier]))
          if (key) holders.set(key, [...(holders.get(key) ?? []), row]);
      }
      const toWrite: { p: PreparedActivity; old?: ExistingActivity }[] = [];
      let unchanged = 0;
      const uploader = this.options.uploader;
      for (const p of items) {
        const old = matchExisting(holders.get(p.key) ?? [], p, uploader);
        const refusal = refusalFor(uploader, p, old);
        if (refusal) {
          this.notWritten(p, refusal);
          continue;
        }
        if (old) {
          if (old.publisher !== p.publisher) {
            this.duplicate(p, old.publisher);
            continue;
          }
          if (old.source_hash === p.hash || isOlder(p.lastUpdated, old.last_updated)) {
            unchanged++;
            continue;
          }
        }
        toWrite.push({ p, old });
        for (const w of p.warnings)
          this.issue({
            file: p.file,
            activity: p.index,
            identifier: p.identifier,
            severity: 'warning',
            rule: 'mapping',
            message: w,
          });
      }
      // Organisations: reporting orgs own their activities; participants are linked by role.
      // An upload's new activities belong to the organisation it was made for.
      const candidates: OrgCandidate[] = toWrite.flatMap(({ p }) => [
        ...(uploader ? [] : [p.owner]),
        ...p.participants.map((x) => x.org),
      ]);
      const unresolved = candidates.filter((c) => !this.orgIds.has(orgKey(c)));
      const byNameDespiteRef = new Set<string>();
      const resolved = await resolveOrganisations(tx, unresolved, byNameDespiteRef);
      const orgId = (c: OrgCandidate) => this.orgIds.get(orgKey(c)) ?? resolved.get(orgKey(c));
      const writes: ActivityWrite[] = toWrite.map(({ p, old }) => ({
        projectId: old?.project_id ?? randomUUID(),
        ownerOrgId: old?.owner_org_id ?? uploader?.orgId ?? orgId(p.owner)!,
        rows: p.rows,
        participants: p.participants.flatMap((x) => {
          const id = orgId(x.org);
          return id ? [{ orgId: id, role: x.role }] : [];
        }),
      }));
      await writeActivities(
        tx,
        writes,
        toWrite.flatMap(({ old }) => (old ? [old.project_id] : [])),
        this.options.jobId ?? null,
      );
      // Remembered only where the database alone resolves alike (a run again after a crash has no memory).
      for (const [k, v] of resolved) if (!byNameDespiteRef.has(k)) created.set(k, v);
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

  private notWritten(p: PreparedActivity, refusal: { rule: string; message: string }): void {
    this.report.rejected++;
    this.issue({
      file: p.file,
      activity: p.index,
      identifier: p.identifier,
      severity: 'error',
      element: 'iati-activity/reporting-org',
      ...refusal,
    });
  }

  private duplicate(p: PreparedActivity, publisher: string | null | undefined): void {
    this.report.duplicates++;
    this.issue({
      file: p.file,
      activity: p.index,
      identifier: p.identifier,
      severity: 'error',
      rule: 'duplicate-identifier',
      element: 'iati-activity/iati-identifier',
      message: `iati-identifier "${p.identifier}" is already published by "${publisher ?? 'another organisation'}"; this copy from "${p.publisher ?? 'an unnamed publisher'}" was not imported [rule: duplicate-identifier]`,
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
