// Rules for instruments: anyone may read them (they are the network's shared checklists);
// network administrators add them, edit them (each edit is a new version, so assessments keep
// the version they were made with) and retire them.
import { assertNetworkAdmin, isNetworkAdmin } from '../access/network-admin.repository.ts';
import type { Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database, Queryable } from '../db/client.ts';
import { documentsRepository } from '../documents/documents.repository.ts';
import { AppError, errors } from '../server/errors.ts';
import { type InstrumentDefinition, localisedTexts } from './definition.schema.ts';
import { definitionFromList, keyFromName } from './from-document.ts';
import {
  type DraftSource,
  type InstrumentRow,
  instrumentsRepository as repo,
} from './instruments.repository.ts';
import type { Instrument, InstrumentFromDocument } from './instruments.schema.ts';
import { fromJsonText, toJsonText } from './json-file.ts';
import { SCALES, type ScaleId } from './scales.ts';
import { toXlsForm } from './xlsform-export.ts';
import { fromXlsForm } from './xlsform-import.ts';

const notFound = (key: string) =>
  new AppError(404, 'not_found', `No instrument with key ${key} exists.`, { key });

async function found(db: Queryable, key: string, forUpdate = false): Promise<InstrumentRow> {
  const row = await repo.findByKey(db, key, forUpdate);
  if (!row) throw notFound(key);
  return row;
}

/** As found, but a draft (drawn from a document its reader may not see) is missing to all but network administrators. */
async function foundFor(db: Queryable, viewer: Viewer, key: string): Promise<InstrumentRow> {
  const row = await repo.findByKey(db, key);
  if (!row || (row.draft && !(await isNetworkAdmin(db, viewer)))) throw notFound(key);
  return row;
}

async function describe(
  db: Queryable,
  row: InstrumentRow,
  version = row.current_version,
): Promise<Instrument> {
  const stored = await repo.findVersion(db, row.id, version);
  if (!stored)
    throw new AppError(
      404,
      'not_found',
      `Instrument ${row.key} has no version ${version}; it has 1 to ${row.current_version}.`,
      {
        key: row.key,
        version,
      },
    );
  const versions = await repo.listVersions(db, row.id);
  const used = new Set<ScaleId>(stored.definition.areas.flatMap((a) => a.questions.map((q) => q.scale)));
  return {
    key: row.key,
    version,
    current_version: row.current_version,
    versions: versions.map((v) => ({
      version: v.version,
      created_at: v.created_at,
      created_by: v.created_by_email,
    })),
    built_in: row.built_in,
    retired_at: row.retired_at,
    draft: row.draft,
    source_document_id: row.source_document_id,
    definition: stored.definition,
    scales: [...used].map((id) => SCALES[id]),
  };
}

/** A draft drawn from a Spanish or French document is published once its texts are in English too. */
async function assertTranslated(db: Queryable, row: InstrumentRow) {
  const stored = await repo.findVersion(db, row.id, row.current_version);
  const untranslated = stored ? localisedTexts(stored.definition).filter((t) => !t.text.en) : [];
  if (untranslated.length)
    throw errors.validation(
      `Instrument ${row.key} has ${untranslated.length} texts with no English: give them (PUT /api/v1/instruments/${row.key}), then publish it.`,
      untranslated.map((t) => ({ field: `definition.${t.path}.en`, message: 'is required to publish' })),
    );
}

/**
 * Adds the instrument (a draft when drawn from a document), or a new version of it when its key
 * exists and the definition changed.
 */
async function write(
  db: Database,
  viewer: Viewer,
  def: InstrumentDefinition,
  mode: 'create' | 'update' | 'either',
  draftOf: DraftSource | null = null,
) {
  await assertNetworkAdmin(db, viewer, 'add, edit or retire assessment instruments');
  return db.transaction(async (tx) => {
    const existing = await repo.findByKey(tx, def.key, true);
    if (existing && mode === 'create')
      throw errors.conflict(
        'instrument_exists',
        `An instrument with key ${def.key} exists. Edit it with PUT /api/v1/instruments/${def.key}, or choose another key.`,
        { key: def.key },
      );
    if (!existing && mode === 'update') throw notFound(def.key);
    let row = existing;
    if (!row) {
      const id = await repo.insert(tx, def.key, false, viewer.userId, draftOf);
      await repo.addVersion(tx, id, 1, def, viewer.userId);
    } else if (!(await repo.sameDefinition(tx, row.id, row.current_version, def))) {
      await repo.addVersion(tx, row.id, row.current_version + 1, def, viewer.userId);
    }
    row = (await repo.findByKey(tx, def.key))!;
    await recordAudit(tx, viewer, {
      action: existing ? 'update' : 'create',
      entityType: 'instrument',
      entityId: row.id,
      orgId: null,
      details: { key: def.key, version: row.current_version },
    });
    return { ...(await describe(tx, row)), created: !existing };
  });
}

export const instrumentsService = {
  async list(db: Queryable, viewer: Viewer, includeRetired: boolean) {
    const rows = await repo.listWithCurrent(db, includeRetired, await isNetworkAdmin(db, viewer));
    return rows.map((r) => ({
      key: r.key,
      version: r.current_version,
      built_in: r.built_in,
      retired_at: r.retired_at,
      draft: r.draft,
      title: r.definition.title,
      description: r.definition.description ?? null,
      subjects: r.definition.subjects,
      areas: r.definition.areas.length,
      questions: r.definition.areas.reduce((n, a) => n + a.questions.length, 0),
      updated_at: r.updated_at,
    }));
  },

  async get(db: Queryable, viewer: Viewer, key: string, version?: number) {
    return describe(db, await foundFor(db, viewer, key), version);
  },

  /** A version's definition by instrument id, for assessments. */
  async definitionOf(db: Queryable, instrumentId: string, version: number): Promise<InstrumentDefinition> {
    const stored = await repo.findVersion(db, instrumentId, version);
    if (!stored) throw new Error(`instrument ${instrumentId} has no version ${version}`);
    return stored.definition;
  },

  create: (db: Database, viewer: Viewer, def: InstrumentDefinition) => write(db, viewer, def, 'create'),

  async update(db: Database, viewer: Viewer, key: string, def: InstrumentDefinition) {
    if (def.key !== key)
      throw errors.invalidField(
        'body.key',
        `is ${def.key} but the address names ${key}; a key cannot change`,
      );
    return write(db, viewer, def, 'update');
  },

  /** An uploaded .xlsx (XLSForm) or .json file: a new instrument, or a new version of the one with its key. */
  async importFile(db: Database, viewer: Viewer, filename: string, bytes: Buffer) {
    await assertNetworkAdmin(db, viewer, 'add, edit or retire assessment instruments');
    const lower = filename.toLowerCase();
    let def: InstrumentDefinition;
    if (lower.endsWith('.xlsx')) def = await fromXlsForm(bytes);
    else if (lower.endsWith('.json')) def = fromJsonText(bytes.toString('utf8'));
    else throw errors.unsupportedType(filename.split('.').pop() ?? filename, ['.xlsx (XLSForm)', '.json']);
    return write(db, viewer, def, 'either');
  },

  async export(
    db: Queryable,
    viewer: Viewer,
    key: string,
    version: number | undefined,
    format: 'json' | 'xlsform',
  ) {
    const instrument = await describe(db, await foundFor(db, viewer, key), version);
    const name = `${key}-v${instrument.version}`;
    if (format === 'json')
      return {
        filename: `${name}.json`,
        mediaType: 'application/json',
        body: Buffer.from(toJsonText(instrument.definition)),
      };
    return {
      filename: `${name}.xlsx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await toXlsForm(instrument.definition, instrument.version),
    };
  },

  /** A draft instrument from one of a confirmed document's itemised lists, filed under the document's language. */
  async draftFromDocument(db: Database, viewer: Viewer, input: InstrumentFromDocument) {
    await assertNetworkAdmin(db, viewer, 'create assessment instruments');
    const doc = await documentsRepository.findExtractionVisible(db, viewer, input.document_id);
    if (!doc) throw errors.notFound('document', input.document_id);
    const record = doc.extraction?.confirmed_record;
    if (doc.status !== 'confirmed' || !record)
      throw errors.invalidField(
        'body.document_id',
        'is not confirmed yet: confirm the document, then create an instrument from its lists',
      );
    const lists = record[input.list] ?? [];
    const list = lists[input.index];
    if (!list?.items.length)
      throw errors.invalidField(
        'body.index',
        `the confirmed document has ${lists.length} ${input.list}${lists.length ? `; give an index from 0 to ${lists.length - 1}` : ''}`,
      );
    const def = definitionFromList(list, input.key ?? keyFromName(list.name), doc);
    return write(db, viewer, def, 'create', { documentId: doc.id, list: input.list, index: input.index });
  },

  /** A draft checked and translated becomes part of the library, for assessments to use. */
  async publish(db: Database, viewer: Viewer, key: string) {
    await assertNetworkAdmin(db, viewer, 'publish assessment instruments');
    return db.transaction(async (tx) => {
      const row = await found(tx, key, true);
      await assertTranslated(tx, row);
      await repo.publish(tx, row.id);
      await recordAudit(tx, viewer, {
        action: 'update',
        entityType: 'instrument',
        entityId: row.id,
        orgId: null,
        details: { key, published: true },
      });
      return describe(tx, (await repo.findByKey(tx, key))!);
    });
  },

  async setRetired(db: Database, viewer: Viewer, key: string, retired: boolean) {
    await assertNetworkAdmin(db, viewer, 'add, edit or retire assessment instruments');
    return db.transaction(async (tx) => {
      const row = await found(tx, key, true);
      await repo.setRetired(tx, row.id, retired);
      await recordAudit(tx, viewer, {
        action: 'update',
        entityType: 'instrument',
        entityId: row.id,
        orgId: null,
        details: { key, retired },
      });
      return describe(tx, (await repo.findByKey(tx, key))!);
    });
  },
};
