// Uploaded documents: the file is kept as it came, its text is read once by the reader for its
// format, and the same file uploaded again by the same organisation is recognised.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { visibleTo } from '../access/filter.ts';
import { ownerOrgFor } from '../access/permissions.ts';
import type { Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { IngestError } from '../ingest/errors.ts';
import { detectLanguage } from '../ingest/language.ts';
import { readDocument } from '../ingest/readers/index.ts';
import type { RecordRow, RecordTable } from '../records/record-table.ts';
import { ownedResponse } from '../records/owned.schema.ts';
import { recordsService } from '../records/records.service.ts';
import { AppError, errors } from '../server/errors.ts';
import { ACCEPTED_FORMATS, type UploadFields } from './documents.schema.ts';

type Filters = { kind?: string; language?: string };

export const documentsTable: RecordTable<Filters> = {
  table: 'documents',
  entity: 'document',
  columns: { title: 'value', kind: 'value', visibility: 'value', project_id: 'value', language: 'value' },
  derived: sql`COALESCE(length(r.text), 0) AS text_length`,
  filters: (q) => [...(q.kind ? [sql`r.kind = ${q.kind}`] : []), ...(q.language ? [sql`r.language = ${q.language}`] : [])],
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
    status: row.status as 'stored',
    text_length: row.text_length as number,
  };
}

const records = recordsService<RecordRow, Filters, ReturnType<typeof toSummary>>(documentsTable, { toResponse: toSummary });

/** Reader failures become 415 (not a format we read) or 422 (a file we cannot use), with the reader's advice. */
function uploadError(err: unknown): never {
  if (err instanceof IngestError) {
    throw new AppError(err.code === 'unsupported_format' ? 415 : 422, err.code, err.message, err.details);
  }
  throw err;
}

export interface UploadedFile {
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

export const documentsService = {
  ...records,

  async getWithText(db: Database, viewer: Viewer, id: string) {
    const row = await records.repository.findVisible(db, viewer, id);
    if (!row) throw errors.notFound('document', id);
    return { ...toSummary(row), text: row.text as string | null };
  },

  async file(db: Database, viewer: Viewer, id: string) {
    const rows = await db.query<{ filename: string; media_type: string; content: Buffer }>(sql`SELECT r.filename, r.media_type, f.content
      FROM documents r JOIN document_files f ON f.document_id = r.id WHERE r.id = ${id} AND ${visibleTo(viewer, 'r')}`);
    if (!rows[0]) throw errors.notFound('document', id);
    return rows[0];
  },

  /** Stores an upload; returns the existing document (and `duplicate: true`) for a file already stored. */
  async upload(db: Database, viewer: Viewer, file: UploadedFile, fields: UploadFields) {
    const ownerOrgId = ownerOrgFor(viewer, fields.owner_org_id);
    const ext = path.extname(file.filename).toLowerCase();
    const mediaType = ACCEPTED_FORMATS[ext];
    if (!mediaType) throw errors.unsupportedType(ext || file.mediaType, Object.keys(ACCEPTED_FORMATS));
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const existing = await db.query<{ id: string }>(sql`SELECT id FROM documents WHERE owner_org_id = ${ownerOrgId} AND sha256 = ${sha256}`);
    if (existing[0]) return { document: await records.get(db, viewer, existing[0].id), duplicate: true };

    const read = await readDocument({ bytes: file.bytes, filename: file.filename, mediaType }).catch(uploadError);
    const text = read.model.text;
    const language = detectLanguage(text).language;
    const id = await db.transaction(async (tx) => {
      if (fields.project_id) {
        const visible = await tx.query(sql`SELECT 1 FROM projects p WHERE p.id = ${fields.project_id} AND ${visibleTo(viewer, 'p')}`);
        if (!visible.length) throw errors.invalidField('project_id', `no project ${fields.project_id} exists that you can see`);
      }
      const rows = await tx.query<{ id: string }>(sql`INSERT INTO documents
        (owner_org_id, visibility, project_id, title, filename, media_type, size_bytes, sha256, kind, language, text, created_by)
        VALUES (${ownerOrgId}, ${fields.visibility}, ${fields.project_id ?? null}, ${fields.title ?? null}, ${file.filename},
          ${mediaType}, ${file.bytes.length}, ${sha256}, ${fields.kind ?? 'other'}, ${['en', 'es', 'fr'].includes(language ?? '') ? language : null},
          ${text}, ${viewer.userId})
        RETURNING id`);
      const docId = rows[0]!.id;
      await tx.query(sql`INSERT INTO document_files (document_id, content) VALUES (${docId}, ${file.bytes})`);
      await recordAudit(tx, viewer, { action: 'create', entityType: 'document', entityId: docId, orgId: ownerOrgId, details: { filename: file.filename, sha256 } });
      return docId;
    });
    return { document: await records.get(db, viewer, id), duplicate: false };
  },
};
