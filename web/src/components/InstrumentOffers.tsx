// Once a document is confirmed: the checklists and sets of principles it lists, offered to a
// network administrator (the server only offers them to one) as draft instruments to check,
// translate and publish in the library; reopened, the page links each list to the draft made of it.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useWrite } from '../api/hooks.ts';
import type { DocumentExtraction, Instrument } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { ErrorMessage, FieldError } from './Status.tsx';

type Offer = Omit<DocumentExtraction['instrument_offers'][number], 'instrument'> & {
  instrument?: { key: string } | null;
};

function OfferItem({ documentId, offer }: { documentId: string; offer: Offer }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const { busy, error, run } = useWrite();
  const [created, setCreated] = useState<{ key: string } | undefined>(offer.instrument ?? undefined);
  const inputId = `offer-key-${offer.list}-${offer.index}`;

  const create = () =>
    run(async () =>
      setCreated(
        await api<Instrument>('POST', '/instruments/from-document', {
          document_id: documentId,
          list: offer.list,
          index: offer.index,
          ...(key.trim() ? { key: key.trim() } : {}),
        }),
      ),
    );

  return (
    <li className="card">
      <strong>{offer.name}</strong> · {t('offers.items', { n: offer.items })}
      {created ? (
        <p>
          {t('offers.created')} <Link to={`/instruments/${created.key}`}>{created.key}</Link>
        </p>
      ) : (
        <div className="form-row">
          <label htmlFor={inputId}>
            {t('offers.key')}
            <input id={inputId} value={key} onChange={(e) => setKey(e.target.value)} maxLength={80} />
            <FieldError error={error} field="body.key" />
          </label>
          <button type="button" disabled={busy} onClick={create}>
            {t('offers.create')}
          </button>
        </div>
      )}
      <ErrorMessage error={error} />
    </li>
  );
}

export function InstrumentOffers({
  documentId,
  offers,
}: {
  documentId: string;
  offers: Offer[] | undefined;
}) {
  const { t } = useI18n();
  if (!offers?.length) return null;
  return (
    <section aria-labelledby="instrument-offers">
      <h3 id="instrument-offers">{t('offers.title')}</h3>
      <p className="muted small">{t('offers.hint')}</p>
      <ul className="card-list">
        {offers.map((o) => (
          <OfferItem key={`${o.list}-${o.index}`} documentId={documentId} offer={o} />
        ))}
      </ul>
    </section>
  );
}
