// Many documents at once (`tacit import`). Worker threads read and extract — the CPU-bound part,
// one worker per core — while the main thread, which owns the database, stores each draft and,
// when asked, confirms it as extracted. Each document is its own transaction, so one bad file
// never undoes the others; every failure is reported with its reason.
import fs from 'node:fs';
import path from 'node:path';
import { systemViewer, type Visibility } from '../../access/viewer.ts';
import type { Database } from '../../db/client.ts';
import { asAppError } from '../../server/errors.ts';
import type { ConfirmBody } from '../confirm.schema.ts';
import { confirmService } from '../confirm.service.ts';
import { ACCEPTED_FORMATS } from '../documents.schema.ts';
import { documentsService } from '../documents.service.ts';
import { registryResolver, resolveDraftOrganisations } from '../draft.ts';
import { ExtractionPool, type ExtractOutcome } from './pool.ts';

export interface ImportOptions {
  ownerOrgId: string;
  /** Of the documents and the records confirmed from them; else the owner's sharing defaults. */
  visibility?: Visibility;
  /** Confirm each draft as extracted, registering the organisations it proposes. */
  confirm: boolean;
  workers?: number;
  onProgress?(p: { done: number; total: number; file: string; outcome: string }): void;
}

export interface ImportReport {
  files: number;
  stored: number;
  duplicates: number;
  confirmed: number;
  created: Record<
    'projects' | 'organisations' | 'reviews' | 'evaluations' | 'recommendations' | 'lessons' | 'meetings',
    number
  >;
  updated: { projects: number; reviews: number; evaluations: number };
  failed: { file: string; code: string; reason: string }[];
  documents: { file: string; id: string; kind: string; status: string; duplicate: boolean }[];
}

/** The files named, with directories read recursively for the formats Tacit reads. */
function listDocumentFiles(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (!fs.statSync(p, { throwIfNoEntry: false })?.isDirectory()) return [p];
    return fs
      .readdirSync(p, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && ACCEPTED_FORMATS[path.extname(e.name).toLowerCase()])
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  });
}

function emptyReport(files: number): ImportReport {
  return {
    files,
    stored: 0,
    duplicates: 0,
    confirmed: 0,
    created: {
      projects: 0,
      organisations: 0,
      reviews: 0,
      evaluations: 0,
      recommendations: 0,
      lessons: 0,
      meetings: 0,
    },
    updated: { projects: 0, reviews: 0, evaluations: 0 },
    failed: [],
    documents: [],
  };
}

/** Exported by name too, for the tests that import it so; the code calls the service. */
export async function importDocuments(
  db: Database,
  files: string[],
  opts: ImportOptions,
): Promise<ImportReport> {
  const viewer = systemViewer([opts.ownerOrgId]);
  const report = emptyReport(files.length);
  let resolver = await registryResolver(db);
  let done = 0;
  const progress = (file: string, outcome: string) =>
    opts.onProgress?.({ done: ++done, total: files.length, file, outcome });
  const fail = (file: string, code: string, reason: string) => {
    report.failed.push({ file, code, reason });
    progress(file, `failed: ${reason}`);
  };

  async function confirm(documentId: string, version: number, body: Omit<ConfirmBody, 'version'>) {
    const c = await confirmService.confirm(db, viewer, documentId, { ...body, version });
    report.confirmed++;
    if (c.project) report.created.projects += c.project.action === 'created' ? 1 : 0;
    if (c.project) report.updated.projects += c.project.action === 'updated' ? 1 : 0;
    for (const key of Object.keys(c.created) as (keyof typeof c.created)[])
      report.created[key] += c.created[key].length;
    report.updated.reviews += c.updated.reviews.length;
    report.updated.evaluations += c.updated.evaluations.length;
    // Organisations registered here must resolve for the next documents.
    if (c.created.organisations.length) resolver = await registryResolver(db);
  }

  async function store(file: string, outcome: ExtractOutcome) {
    if (!outcome.ok) return fail(file, outcome.code, outcome.message);
    let stage = 'store';
    try {
      const draft = outcome.draft && {
        ...outcome.draft,
        record: await resolveDraftOrganisations(outcome.draft.record, resolver),
      };
      const { document, duplicate } = await documentsService.store(
        db,
        viewer,
        {
          ...outcome,
          file: { filename: outcome.filename, mediaType: outcome.mediaType, bytes: outcome.bytes },
          draft,
        },
        { owner_org_id: opts.ownerOrgId, visibility: opts.visibility },
      );
      const entry: ImportReport['documents'][number] = {
        file,
        id: document.id,
        kind: document.kind,
        status: document.status,
        duplicate,
      };
      report.documents.push(entry);
      // A draft that an earlier import stored but did not confirm (it was stopped, or killed, between
      // the two) is confirmed now when asked: running an interrupted import again finishes it.
      const unfinished = duplicate && opts.confirm && document.status === 'extracted';
      if (duplicate) report.duplicates++;
      if (duplicate && !unfinished) return progress(file, 'duplicate');
      if (!duplicate) report.stored++;
      if (!draft) return fail(file, 'extraction_failed', 'stored, but no draft could be extracted from it');
      if (opts.confirm) {
        stage = 'confirm';
        const proposed = (draft.record.organisations ?? []).filter((o) => o.proposed);
        await confirm(document.id, document.version, {
          record: draft.record,
          visibility: opts.visibility,
          organisations: proposed.map((o) => ({
            name: o.name,
            acronym: o.acronym,
            action: 'create' as const,
            type: 'other' as const,
          })),
        });
        entry.status = 'confirmed';
      }
      progress(file, `${entry.status} (${document.kind})`);
    } catch (err) {
      const code = asAppError(err)?.code ?? 'internal_error';
      const prefix = stage === 'confirm' ? 'stored as a draft, not confirmed: ' : '';
      fail(file, code, `${prefix}${(err as Error).message}`);
    }
  }

  const pool = new ExtractionPool(opts.workers);
  // Writes run one at a time on this thread, in the order extractions finish. When nothing waits to
  // be written and the workers are behind, this thread extracts a waiting document itself: with
  // --confirm the writing keeps it busy, without it the writing alone would leave its core partly
  // idle. Read-ahead is bounded (two files queued per worker, one extracted document per worker
  // waiting to be written), so memory stays flat however many files there are.
  let writes = Promise.resolve();
  let extracting = 0;
  let unwritten = 0;
  let helping = false;
  let wake = () => {};
  const changed = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  const help = () => {
    if (helping || unwritten > 0) return;
    helping = true;
    writes = writes.then(async () => {
      await pool.extractQueuedHere();
      helping = false;
    });
  };
  try {
    for (const file of files) {
      while (extracting > 2 * pool.size || unwritten > pool.size) await changed();
      extracting++;
      void pool.extract(file).then((outcome) => {
        extracting--;
        unwritten++;
        writes = writes
          .then(() => store(file, outcome))
          .finally(() => {
            unwritten--;
            help();
            wake();
          });
        wake();
      });
      help();
    }
    while (extracting > 0) await changed();
    await writes;
  } finally {
    await pool.close();
  }
  return report;
}

export const documentImportService = { importFiles: importDocuments, listFiles: listDocumentFiles };
