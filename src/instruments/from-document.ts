// A draft instrument from a checklist or a set of principles that a confirmed document lists (the
// background note's HEUNI checklist, its nine principles): one area, one yes / partly / no question
// per item, with the item's number and explanation. The draft keeps the document's words; a network
// administrator checks and translates it, then publishes it to the library.
import { z } from 'zod';
import { assertNetworkAdmin } from '../access/network-admin.repository.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Database } from '../db/client.ts';
import { documentsRepository } from '../documents/documents.repository.ts';
import type { ItemisedList } from '../ingest/extraction-record.ts';
import { errors } from '../server/errors.ts';
import { Id } from '../server/schemas.ts';
import { InstrumentDefinition, InstrumentKey } from './definition.schema.ts';
import { writeInstrument } from './instruments.service.ts';

export const ITEMISED_LISTS = ['checklists', 'principles'] as const;

export const InstrumentFromDocument = z.strictObject({
  document_id: Id,
  list: z.enum(ITEMISED_LISTS).describe('Which of the confirmed record’s itemised lists'),
  index: z.number().int().min(0).max(50).default(0).describe('Which list of that kind, from 0'),
  key: InstrumentKey.optional().describe('Defaults to one made from the list’s name'),
});
export type InstrumentFromDocument = z.infer<typeof InstrumentFromDocument>;

/** A key from a name: "Nine principles for revitalising TA" → nine-principles-for-revitalising-ta. */
export function keyFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, '') : slug;
  return cut || 'checklist';
}

/** The instrument a list describes; texts are the document's own, filed under English until translated. */
export function definitionFromList(
  list: ItemisedList,
  key: string,
  source: { filename: string },
): InstrumentDefinition {
  const title = list.name.trim().slice(0, 300) || 'Checklist';
  const where = list.paragraph ? `, paragraph ${list.paragraph}` : '';
  const parsed = InstrumentDefinition.safeParse({
    key,
    title: { en: title },
    description: {
      en: `Drafted from the list "${title}" in ${source.filename}${where}. Check it, give each question its scale and translations, then publish it.`,
    },
    source: { en: `${source.filename}${where}` },
    subjects: ['project'],
    overall: 'average',
    areas: [
      {
        id: 'items',
        title: { en: title },
        aggregation: 'average',
        questions: list.items.map((item, i) => ({
          id: `item_${i + 1}`,
          number: String(item.number ?? i + 1),
          text: { en: item.text.slice(0, 4000) },
          ...(item.description?.trim() ? { guidance: { en: item.description.slice(0, 4000) } } : {}),
          scale: 'yes_partly_no',
        })),
      },
    ],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw errors.invalidField(
      `list.${issue.path.join('.')}`,
      `cannot become an instrument: ${issue.message}`,
    );
  }
  return parsed.data;
}

export async function draftFromDocument(db: Database, viewer: Viewer, input: InstrumentFromDocument) {
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
  const key = input.key ?? keyFromName(list.name);
  const def = definitionFromList(list, key, doc);
  return writeInstrument(db, viewer, def, 'create', { documentId: doc.id });
}
