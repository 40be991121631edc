// Uploaded documents: the file is kept as it came, its text is read once by the reader for its
// format and extracted into a draft record, and the same file uploaded again by the same
// organisation is recognised.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { withheldFields } from '../access/filter.ts';
import { isNetworkAdmin } from '../access/network-admin.repository.ts';
import { ownerOrgFor } from '../access/permissions.ts';
import type { Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database, Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { detectLanguage } from '../ingest/language.ts';
import { instrumentsRepository } from '../instruments/instruments.repository.ts';
import { organisationDuplicatesService } from '../organisations/duplicates.service.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { organisationsService } from '../organisations/organisations.service.ts';
import { assertVisibleToWriter } from '../projects/visible-to-writer.ts';
import { ownedResponse } from '../records/owned.schema.ts';
import type { RecordRow, RecordTable } from '../records/record-table.ts';
import { recordsService } from '../records/records.service.ts';
import { AppError, errors } from '../server/errors.ts';
import { withhold } from '../sharing/sharing.schema.ts';
import { sharingService } from '../sharing/sharing.service.ts';
import { documentsRepository, type ExtractionRow, type StoredExtraction } from './documents.repository.ts';
import { ACCEPTED_FORMATS, type UploadFields } from './documents.schema.ts';
import type { Draft } from './draft.ts';
import { extractFile } from './import/extract-file.ts';
import type { ExtractOutcome, ExtractRequest } from './import/pool.ts';
import { instrumentOffers, withInstruments } from './instrument-offers.ts';

type Filters = { kind?: string; language?: string };

export const documentsTable: RecordTable<Filters> = {
  table: 'documents',
  entity: 'document',
  restrictable: ['file', 'text'],
  columns: { title: 'value', kind: 'value', visibility: 'value', project_id: 'value', language: 'value' },
  // A page of documents needs their metadata, not their full text and extraction.
  listColumns: sql`r.id, r.seq, r.owner_org_id, r.visibility, r.shared_with, r.embargo_until, r.field_visibility, r.project_id, r.title, r.filename, r.media_type, r.size_bytes,
    r.sha256, r.kind, r.language, r.status, r.version, r.created_at, r.updated_at`,
  derived: sql`COALESCE(length(r.text), 0) AS text_length`,
  filters: (q) => [
    ...(q.kind ? [sql`r.kind = ${q.kind}`] : []),
    ...(q.language ? [sql`r.language = ${q.language}`] : []),
  ],
};

function toSummary(row: RecordRow) {
  return {
    ...ownedResponse(row),
    title: row.title as string | null,
    filename: row.filename as string,
    media_type: row.media_type as string,
    size_bytes: row.size_bytes as number,
    sha256: row.sha256 as string,
    kind: row.kind as 'other',
    language: row.language as string | null,
    status: row.status as 'stored' | 'extracted' | 'confirmed' | 'failed',
    text_length: row.text_length as number,
  };
}

const records = recordsService<RecordRow, Filters, ReturnType<typeof toSummary>>(documentsTable, {
  toResponse: toSummary,
});

/**
 * Reader failures become 415 (not a format we read) or 422 (a file we cannot use, or one that took
 * more time or memory than a document may), with the reader's advice; 503 when the server stops.
 */
function uploadError(failed: { code: string; message: string; details?: Record<string, unknown> }): never {
  const status = failed.code === 'unsupported_format' ? 415 : failed.code === 'server_stopping' ? 503 : 422;
  throw new AppError(status, failed.code, failed.message, failed.details ?? {});
}

/** Reads and extracts an upload: in a worker of the server's pool, or here (the demo loader). */
export type UploadExtractor = (
  request: Extract<ExtractRequest, { file: unknown }>,
) => Promise<ExtractOutcome>;

const extractHere: UploadExtractor = (request) => extractFile({ id: 0, ...request });

export interface UploadedFile {
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

/** A file read and extracted, ready to store (by an upload, or by `tacit import` from its workers). */
export interface ReadFile {
  file: UploadedFile;
  mediaType: string;
  sha256: string;
  text: string;
  /** Null when extraction failed: the document is kept, with status 'failed'. */
  draft: Draft | null;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The media type a file is stored as, by its extension; 415 for formats Tacit does not read. */
export function acceptedMediaType(file: Pick<UploadedFile, 'filename' | 'mediaType'>): string {
  const ext = path.extname(file.filename).toLowerCase();
  const mediaType = ACCEPTED_FORMATS[ext];
  if (!mediaType) throw errors.unsupportedType(ext || file.mediaType, Object.keys(ACCEPTED_FORMATS));
  return mediaType;
}

// Any ISO 639-1 code the detector names is stored: a German report is a German report, even though
// Tacit extracts fields only from English, Spanish and French.
const ISO_639_1 = /^[a-z]{2}$/;

async function withDraft(db: Queryable, viewer: Viewer, id: string) {
  const row = await records.repository.findVisible(db, viewer, id);
  if (!row) throw errors.notFound('document', id);
  const extraction = row.extraction as StoredExtraction | null;
  const withheld = withheldFields(viewer, row);
  // A draft carries the document's text: withheld with it.
  return {
    ...withhold(toSummary(row), withheld),
    draft: withheld.includes('text') ? null : (extraction?.draft ?? null),
  };
}

/** The owner's stored document with these bytes, as an upload's answer; none when it has none. */
async function storedCopy(db: Database, viewer: Viewer, ownerOrgId: string, sha256: string) {
  const existing = await documentsRepository.findBySha(db, ownerOrgId, sha256);
  // The uploader writes for the owner, so they may know of its deleted copy: restoring keeps its history.
  if (existing?.deleted)
    throw errors.conflict(
      'document_deleted',
      'Your organisation deleted a document with this same file: restore it from the deleted records instead of uploading it again.',
      { id: existing.id },
    );
  return existing ? { document: await withDraft(db, viewer, existing.id), duplicate: true } : undefined;
}

/** Stores a read file with its draft, unless the owner already has the same bytes. */
async function store(db: Database, viewer: Viewer, read: ReadFile, fields: UploadFields) {
  const ownerOrgId = ownerOrgFor(viewer, fields.owner_org_id);
  const existing = await storedCopy(db, viewer, ownerOrgId, read.sha256);
  if (existing) return existing;
  const language = read.draft?.language ?? detectLanguage(read.text).language;
  const id = await db.transaction(async (tx) => {
    await assertVisibleToWriter(tx, viewer, fields.project_id);
    const fallback =
      fields.visibility ?? (await organisationsService.visibilityFor(tx, ownerOrgId, undefined, 'documents'));
    const sharing = await sharingService.resolve(tx, fields, undefined, fallback);
    const docId = await documentsRepository.insert(tx, {
      ownerOrgId,
      visibility: sharing.visibility,
      sharedWith: sharing.shared_with,
      embargoUntil: sharing.embargo_until,
      projectId: fields.project_id ?? null,
      title: fields.title ?? read.draft?.record.title ?? null,
      filename: read.file.filename,
      mediaType: read.mediaType,
      bytes: read.file.bytes,
      sha256: read.sha256,
      kind: fields.kind ?? read.draft?.kind ?? 'other',
      language: language && ISO_639_1.test(language) ? language : null,
      text: read.text,
      extraction: read.draft ? { draft: read.draft } : null,
      createdBy: viewer.userId,
    });
    await recordAudit(tx, viewer, {
      action: 'create',
      entityType: 'document',
      entityId: docId,
      orgId: ownerOrgId,
      details: { filename: read.file.filename, sha256: read.sha256 },
    });
    return docId;
  });
  return { document: await withDraft(db, viewer, id), duplicate: false };
}

/**
 * The lists a confirmed document offers as instruments, each with the instrument made of it: to a
 * network administrator who may read the document's text, as at confirmation; to others none.
 */
async function offersOnReopen(db: Queryable, viewer: Viewer, row: ExtractionRow, textWithheld: boolean) {
  const record = row.extraction?.confirmed_record;
  if (row.status !== 'confirmed' || !record || textWithheld || !(await isNetworkAdmin(db, viewer))) return [];
  const offers = instrumentOffers(record);
  return offers.length
    ? withInstruments(offers, await instrumentsRepository.listDraftedFrom(db, row.id))
    : [];
}

export const documentsService = {
  ...records,

  async getWithText(db: Database, viewer: Viewer, id: string) {
    const row = await records.repository.findVisible(db, viewer, id);
    if (!row) throw errors.notFound('document', id);
    return withhold({ ...toSummary(row), text: row.text as string | null }, withheldFields(viewer, row));
  },

  async file(db: Database, viewer: Viewer, id: string) {
    const file = await documentsRepository.findFileVisible(db, viewer, id);
    if (!file) throw errors.notFound('document', id);
    // The document is visible, so saying the file is withheld reveals nothing it does not.
    if (withheldFields(viewer, file).includes('file'))
      throw new AppError(
        403,
        'field_withheld',
        'The owner withholds this document’s file from your organisation.',
        {
          field: 'file',
        },
      );
    return file;
  },

  /** The draft of a document the viewer may see, and what its confirmation did, if it was confirmed. */
  async getExtraction(db: Database, viewer: Viewer, id: string) {
    const row = await documentsRepository.findExtractionVisible(db, viewer, id);
    if (!row) throw errors.notFound('document', id);
    const textWithheld = withheldFields(viewer, row).includes('text');
    return {
      document_id: row.id,
      status: row.status,
      version: row.version,
      draft: textWithheld ? null : (row.extraction?.draft ?? null),
      confirmed_record: textWithheld ? null : (row.extraction?.confirmed_record ?? null),
      confirmation: row.extraction?.confirmation ?? null,
      instrument_offers: await offersOnReopen(db, viewer, row, textWithheld),
      organisation_suggestions:
        textWithheld || row.extraction?.confirmation
          ? []
          : await organisationDuplicatesService.closestTo(
              db,
              row.extraction?.draft?.record.organisations ?? [],
            ),
    };
  },

  /** Reads, extracts and stores an upload; the same file again returns the stored one and `duplicate: true`. */
  async upload(
    db: Database,
    viewer: Viewer,
    file: UploadedFile,
    fields: UploadFields,
    extract: UploadExtractor = extractHere,
  ) {
    const ownerOrgId = ownerOrgFor(viewer, fields.owner_org_id);
    const mediaType = acceptedMediaType(file);
    const sha256 = sha256Of(file.bytes);
    const existing = await storedCopy(db, viewer, ownerOrgId, sha256);
    if (existing) return existing;

    const extracted = await extract({
      file: { filename: file.filename, mediaType, bytes: file.bytes },
      organisations: await organisationsRepository.listNames(db),
      kind: fields.kind,
    });
    if (!extracted.ok) uploadError(extracted);
    return store(
      db,
      viewer,
      { file, mediaType, sha256, text: extracted.text, draft: extracted.draft },
      fields,
    );
  },

  store,
};
