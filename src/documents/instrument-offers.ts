// The itemised lists (checklists, sets of principles) a confirmed record keeps, offered to a network
// administrator as instruments: at confirmation, and again whenever the document page is reopened,
// then with the instrument each list became.
import type { ExtractionRecord } from '../ingest/extraction-record.ts';
import type { InstrumentRow } from '../instruments/instruments.repository.ts';
import type { InstrumentOffer, ListOffer } from './confirm.schema.ts';

/** Each non-empty checklist and set of principles of the record, by its place in the record. */
export function instrumentOffers(record: ExtractionRecord): ListOffer[] {
  return (['checklists', 'principles'] as const).flatMap((list) =>
    (record[list] ?? []).flatMap((l, index) =>
      l.items.length ? [{ list, index, name: l.name, items: l.items.length }] : [],
    ),
  );
}

type Drafted = Pick<InstrumentRow, 'key' | 'draft' | 'source_list' | 'source_index'>;

/** The offers, each with the instrument drafted from its list (the first, when several were). */
export function withInstruments(offers: ListOffer[], drafted: Drafted[]): InstrumentOffer[] {
  return offers.map((offer) => {
    const made = drafted.find((d) => d.source_list === offer.list && d.source_index === offer.index);
    return { ...offer, instrument: made ? { key: made.key, draft: made.draft } : null };
  });
}
