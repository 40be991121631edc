// The same instrument version across projects, organisations, countries or over time: the agreed
// results of the chosen assessments on one radar and in one table (the ids stay in the URL, so a
// comparison can be shared). Assessments without an agreed result are named, not drawn.
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { get, withQuery } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { AssessmentComparison, Instrument } from '../api/types.ts';
import { useUrlFilters } from '../api/url-filters';
import { type NamedResult, ResultsRadar, ResultsTable } from '../components/assessments/Results.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/index.tsx';
import { inLang } from '../i18n/localised.ts';

export function AssessmentsComparePage() {
  const { t, lang, formatDate } = useI18n();
  const session = useSession();
  const [params] = useUrlFilters();
  const ids = params.get('ids') ?? '';
  const comparison = useLoad(
    () => get<AssessmentComparison>('/assessments/compare', { ids }),
    [ids, session.me?.user_id],
  );
  const c = comparison.data;
  const instrument = useLoad(
    c ? () => get<Instrument>(`/instruments/${c.instrument.key}`, { version: c.instrument.version }) : null,
    [c?.instrument.key, c?.instrument.version],
  );
  const nameOf = useCallback(
    (a: AssessmentComparison['assessments'][number]) =>
      `${a.title ?? a.subject.name ?? '—'} (${formatDate(a.updated_at)})`,
    [formatDate],
  );
  const columns: NamedResult[] = useMemo(
    () => (c?.assessments ?? []).flatMap((a) => (a.results ? [{ name: nameOf(a), results: a.results }] : [])),
    [c, nameOf],
  );

  const error = comparison.error ?? instrument.error;
  return (
    <div className="page">
      <p className="muted small">
        <Link to="/assessments">{t('assessments.title')}</Link>
      </p>
      <h1>{t('assessments.comparison')}</h1>
      <ErrorMessage error={error} />
      {!error && (!c || !instrument.data) && <Loading />}
      {c && instrument.data && (
        <>
          <p className="lead">
            {inLang(instrument.data.definition.title, lang)} ·{' '}
            {t('instruments.version', { n: c.instrument.version })}
          </p>
          {c.assessments
            .filter((a) => !a.results)
            .map((a) => (
              <p key={a.id} className="muted">
                {t('assessments.notAgreedYet', { name: nameOf(a) })}
              </p>
            ))}
          {columns.length > 0 && (
            <section className="card">
              <ResultsRadar
                instrument={instrument.data.definition}
                columns={columns}
                label={t('assessments.radarLabel', { name: inLang(instrument.data.definition.title, lang) })}
              />
              <ResultsTable instrument={instrument.data.definition} columns={columns} />
              <p>
                <a href={withQuery('/api/v1/assessments/compare', { ids, format: 'csv' })}>
                  {t('assessments.downloadCsv')}
                </a>
              </p>
            </section>
          )}
        </>
      )}
    </div>
  );
}
