// The only place with instrument SQL. Instruments are the network's shared reference (like the
// vocabularies), readable by anyone; each version's definition is kept as it was written.
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import type { InstrumentDefinition } from './definition.schema.ts';

export interface InstrumentRow {
  id: string;
  key: string;
  built_in: boolean;
  current_version: number;
  retired_at: Date | null;
  /** Created from a document's checklist and not published yet: network administrators only. */
  draft: boolean;
  source_document_id: string | null;
  /** Which of the source document's itemised lists the draft was made from. */
  source_list: 'checklists' | 'principles' | null;
  source_index: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface InstrumentVersionRow {
  version: number;
  definition: InstrumentDefinition;
  created_at: Date;
}

const COLUMNS = sql`i.id, i.key, i.built_in, i.current_version, i.retired_at, i.draft, i.source_document_id,
  i.source_list, i.source_index, i.created_at, i.updated_at`;

/** The list of a confirmed document an instrument was drafted from. */
export interface DraftSource {
  documentId: string;
  list: 'checklists' | 'principles';
  index: number;
}

export const instrumentsRepository = {
  async findByKey(db: Queryable, key: string, forUpdate = false): Promise<InstrumentRow | undefined> {
    const lock = forUpdate ? sql` FOR UPDATE` : sql.empty;
    const rows = await db.query<InstrumentRow>(
      sql`SELECT ${COLUMNS} FROM instruments i WHERE i.key = ${key}${lock}`,
    );
    return rows[0];
  },

  async findById(db: Queryable, id: string): Promise<InstrumentRow | undefined> {
    const rows = await db.query<InstrumentRow>(sql`SELECT ${COLUMNS} FROM instruments i WHERE i.id = ${id}`);
    return rows[0];
  },

  /** Every instrument with the definition of its current version; drafts only when asked for. */
  async listWithCurrent(db: Queryable, includeRetired: boolean, includeDrafts: boolean) {
    return db.query<InstrumentRow & { definition: InstrumentDefinition }>(sql`
      SELECT ${COLUMNS}, v.definition FROM instruments i
      JOIN instrument_versions v ON v.instrument_id = i.id AND v.version = i.current_version
      WHERE ${includeRetired ? sql`TRUE` : sql`i.retired_at IS NULL`}
        AND ${includeDrafts ? sql`TRUE` : sql`NOT i.draft`}
      ORDER BY i.built_in DESC, i.draft, i.key`);
  },

  async findVersion(
    db: Queryable,
    instrumentId: string,
    version: number,
  ): Promise<InstrumentVersionRow | undefined> {
    const rows = await db.query<InstrumentVersionRow>(sql`
      SELECT version, definition, created_at FROM instrument_versions
      WHERE instrument_id = ${instrumentId} AND version = ${version}`);
    return rows[0];
  },

  async listVersions(db: Queryable, instrumentId: string) {
    return db.query<{ version: number; created_at: Date; created_by_email: string | null }>(sql`
      SELECT v.version, v.created_at, u.email AS created_by_email FROM instrument_versions v
      LEFT JOIN users u ON u.id = v.created_by
      WHERE v.instrument_id = ${instrumentId} ORDER BY v.version`);
  },

  async insert(
    db: Queryable,
    key: string,
    builtIn: boolean,
    userId: string | null,
    draftOf: DraftSource | null = null,
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(sql`
      INSERT INTO instruments (key, built_in, created_by, draft, source_document_id, source_list, source_index)
      VALUES (${key}, ${builtIn}, ${userId}, ${draftOf !== null}, ${draftOf?.documentId ?? null},
        ${draftOf?.list ?? null}, ${draftOf?.index ?? null}) RETURNING id`);
    return rows[0]!.id;
  },

  /** The instruments drafted from a document's lists, published since or not. */
  async listDraftedFrom(db: Queryable, documentId: string) {
    return db.query<Pick<InstrumentRow, 'key' | 'draft' | 'source_list' | 'source_index'>>(sql`
      SELECT i.key, i.draft, i.source_list, i.source_index FROM instruments i
      WHERE i.source_document_id = ${documentId} AND i.source_list IS NOT NULL ORDER BY i.created_at`);
  },

  async publish(db: Queryable, instrumentId: string) {
    await db.query(sql`UPDATE instruments SET draft = false, updated_at = now() WHERE id = ${instrumentId}`);
  },

  /** Adds a version and makes it current. */
  async addVersion(
    db: Queryable,
    instrumentId: string,
    version: number,
    definition: InstrumentDefinition,
    userId: string | null,
  ) {
    await db.query(sql`INSERT INTO instrument_versions (instrument_id, version, definition, created_by)
      VALUES (${instrumentId}, ${version}, ${JSON.stringify(definition)}::jsonb, ${userId})`);
    await db.query(
      sql`UPDATE instruments SET current_version = ${version}, updated_at = now() WHERE id = ${instrumentId}`,
    );
  },

  /** Whether the definition is the one the version holds (compared as jsonb, so key order does not count). */
  async sameDefinition(
    db: Queryable,
    instrumentId: string,
    version: number,
    definition: InstrumentDefinition,
  ) {
    const rows = await db.query<{ same: boolean }>(sql`
      SELECT definition = ${JSON.stringify(definition)}::jsonb AS same FROM instrument_versions
      WHERE instrument_id = ${instrumentId} AND version = ${version}`);
    return rows[0]?.same === true;
  },

  async setRetired(db: Queryable, instrumentId: string, retired: boolean) {
    await db.query(sql`UPDATE instruments SET retired_at = ${retired ? sql`now()` : sql`NULL`}, updated_at = now()
      WHERE id = ${instrumentId}`);
  },
};
