// SQL for stored documents beyond the shared owned-record layer: the file and its draft on
// upload, the draft read back through the access filter, and the confirmation written over it.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import type { ExtractionRecord } from '../ingest/extraction-record.ts';
import type { Confirmation } from './confirm.schema.ts';
import type { Draft } from './draft.ts';

/** What documents.extraction holds: the draft, and once confirmed, what the confirmation did. */
export interface StoredExtraction {
  draft?: Draft;
  /** The record as the person confirmed it, corrections included. */
  confirmed_record?: ExtractionRecord;
  confirmation?: Confirmation;
}

export interface DocumentInsert {
  ownerOrgId: string;
  visibility: string;
  sharedWith?: string[];
  embargoUntil?: string | null;
  projectId: string | null;
  title: string | null;
  filename: string;
  mediaType: string;
  bytes: Buffer;
  sha256: string;
  kind: string;
  language: string | null;
  text: string;
  extraction: StoredExtraction | null;
  createdBy: string | null;
}

interface StoredFile {
  filename: string;
  media_type: string;
  owner_org_id: string;
  field_visibility: Record<string, string>;
  content: Buffer;
}

export interface ExtractionRow {
  id: string;
  owner_org_id: string;
  field_visibility?: Record<string, string>;
  visibility: 'public' | 'network' | 'shared' | 'owner';
  project_id: string | null;
  title: string | null;
  filename: string;
  /** ISO 639-1, as detected or corrected; null when unknown. */
  language?: string | null;
  status: 'stored' | 'extracted' | 'confirmed' | 'failed';
  version: number;
  extraction: StoredExtraction | null;
}

export const documentsRepository = {
  /** The document an organisation already stored with these bytes, deleted or not (a write's own check). */
  async findBySha(
    db: Queryable,
    ownerOrgId: string,
    sha256: string,
  ): Promise<{ id: string; deleted: boolean } | undefined> {
    const rows = await db.query<{ id: string; deleted: boolean }>(
      sql`SELECT id, visibility = 'deleted' AS deleted FROM documents WHERE owner_org_id = ${ownerOrgId} AND sha256 = ${sha256}`,
    );
    return rows[0];
  },

  async insert(tx: Queryable, d: DocumentInsert): Promise<string> {
    const status = d.extraction ? 'extracted' : 'failed';
    const rows = await tx.query<{ id: string }>(sql`INSERT INTO documents
      (owner_org_id, visibility, shared_with, embargo_until, project_id, title, filename, media_type, size_bytes, sha256, kind, language, text,
        extraction, status, created_by)
      VALUES (${d.ownerOrgId}, ${d.visibility}, ${d.sharedWith ?? []}::uuid[], ${d.embargoUntil ?? null}::date, ${d.projectId}, ${d.title}, ${d.filename}, ${d.mediaType},
        ${d.bytes.length}, ${d.sha256}, ${d.kind}, ${d.language}, ${d.text},
        ${d.extraction ? JSON.stringify(d.extraction) : null}::jsonb, ${status}, ${d.createdBy})
      RETURNING id`);
    const id = rows[0]!.id;
    await tx.query(sql`INSERT INTO document_files (document_id, content) VALUES (${id}, ${d.bytes})`);
    return id;
  },

  /** The document's draft and state, if the viewer may see the document. */
  /** The uploaded file of a document the viewer may see. */
  async findFileVisible(db: Queryable, viewer: Viewer, id: string): Promise<StoredFile | undefined> {
    const rows = await db.query<StoredFile>(
      sql`SELECT r.filename, r.media_type, r.owner_org_id, r.field_visibility, f.content
      FROM documents r JOIN document_files f ON f.document_id = r.id WHERE r.id = ${id} AND ${visibleTo(viewer, 'r')}`,
    );
    return rows[0];
  },

  async findExtractionVisible(db: Queryable, viewer: Viewer, id: string): Promise<ExtractionRow | undefined> {
    const rows =
      await db.query<ExtractionRow>(sql`SELECT r.id, r.owner_org_id, r.visibility, r.field_visibility, r.project_id,
        r.title, r.filename, r.language, r.status, r.version, r.extraction
      FROM documents r WHERE r.id = ${id} AND ${visibleTo(viewer, 'r')}`);
    return rows[0];
  },

  /** As findExtractionVisible, locking the row until the transaction ends (one confirmation at a time). */
  async lockForConfirm(tx: Queryable, viewer: Viewer, id: string): Promise<ExtractionRow | undefined> {
    const rows =
      await tx.query<ExtractionRow>(sql`SELECT r.id, r.owner_org_id, r.visibility, r.project_id, r.title,
        r.filename, r.status, r.version, r.extraction
      FROM documents r WHERE r.id = ${id} AND ${visibleTo(viewer, 'r')} FOR UPDATE`);
    return rows[0];
  },

  async markConfirmed(
    tx: Queryable,
    id: string,
    c: { kind: string; title: string | null; projectId: string | null; extraction: StoredExtraction },
  ): Promise<void> {
    await tx.query(sql`UPDATE documents SET status = 'confirmed', kind = ${c.kind},
        title = COALESCE(title, ${c.title}), project_id = COALESCE(${c.projectId}::uuid, project_id),
        extraction = ${JSON.stringify(c.extraction)}::jsonb, version = version + 1, updated_at = now()
      WHERE id = ${id}`);
  },
};
