// The instruments library: the assessment checklists the field agrees on, each shown with its
// areas, numbered questions, guidance and scales in the interface language.

import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import type { Instrument, InstrumentSummary } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/index.tsx';
import { inLang } from '../i18n/localised.ts';

export function InstrumentsPage() {
  const { t, lang } = useI18n();
  const list = useLoad(() => api<InstrumentSummary[]>('GET', '/instruments'), []);
  return (
    <div className="page">
      <h1>{t('instruments.title')}</h1>
      <p className="lead">{t('instruments.lead')}</p>
      <ErrorMessage error={list.error} />
      {list.loading && <Loading />}
      <ul className="plain-list">
        {list.data?.map((i) => (
          <li key={i.key} className="card">
            <h2>
              <Link to={`/instruments/${i.key}`}>{inLang(i.title, lang)}</Link>
            </h2>
            <p>{inLang(i.description, lang)}</p>
            <p className="muted small">
              {t('instruments.size', { areas: i.areas, questions: i.questions })} ·{' '}
              {t('instruments.version', { n: i.version })}
              {i.built_in && ` · ${t('instruments.builtIn')}`}
              {i.draft && ` · ${t('instruments.draft')}`}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function InstrumentPage() {
  const { key = '' } = useParams();
  const { t, lang } = useI18n();
  const loaded = useLoad(() => api<Instrument>('GET', `/instruments/${encodeURIComponent(key)}`), [key]);
  const [published, setPublished] = useState<Instrument>();
  const [publishError, setPublishError] = useState<ApiError>();
  const instrument = published ?? loaded.data;
  const publish = () =>
    api<Instrument>('POST', `/instruments/${encodeURIComponent(key)}/publish`).then(setPublished, (err) =>
      setPublishError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err))),
    );
  const scaleLabel = (id: string) => inLang(instrument?.scales.find((s) => s.id === id)?.label, lang);
  return (
    <div className="page">
      <p>
        <Link to="/instruments">{t('instruments.back')}</Link>
      </p>
      <ErrorMessage error={loaded.error} />
      {loaded.loading && <Loading />}
      {instrument && (
        <>
          <h1>{inLang(instrument.definition.title, lang)}</h1>
          {instrument.draft && (
            <div className="card" role="note">
              <p>{t('instruments.draftNote')}</p>
              <ErrorMessage error={publishError} />
              <button type="button" onClick={publish}>
                {t('instruments.publish')}
              </button>
            </div>
          )}
          <p className="lead">{inLang(instrument.definition.description, lang)}</p>
          <p className="muted small">
            {t('instruments.version', { n: instrument.version })} ·{' '}
            {inLang(instrument.definition.source, lang)}
          </p>
          <p>
            <a href={`/api/v1/instruments/${key}/export?format=json`}>{t('instruments.exportJson')}</a> ·{' '}
            <a href={`/api/v1/instruments/${key}/export?format=xlsform`}>{t('instruments.exportXlsform')}</a>
          </p>
          {instrument.definition.areas.map((area) => (
            <section key={area.id} className="card" aria-labelledby={`area-${area.id}`}>
              <h2 id={`area-${area.id}`}>{inLang(area.title, lang)}</h2>
              <p className="muted small">
                {t(`instruments.aggregation.${area.aggregation}`)}
                {area.weight !== 1 && ` · ${t('instruments.weight', { n: area.weight })}`}
              </p>
              <ol className="plain-list">
                {area.questions.map((q) => (
                  <li key={q.id}>
                    {q.number && <strong>{q.number}. </strong>}
                    {inLang(q.text, lang)}
                    <div className="muted small">
                      {t('instruments.scale')}: {scaleLabel(q.scale)}
                      {q.weight !== 1 && ` · ${t('instruments.weight', { n: q.weight })}`}
                      {q.guidance && ` · ${inLang(q.guidance, lang)}`}
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
