// Assessments you may see (filtered by instrument or project, the filters kept in the URL), a form to
// apply an instrument to a project, an organisation or a country, and a choice of assessments made
// with the same instrument version to compare.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { AssessmentSummary, InstrumentSummary } from '../api/types.ts';
import { useUrlFilters } from '../api/url-filters';
import { NewAssessmentForm } from '../components/assessments/NewAssessmentForm.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useEnumLabel } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';
import { inLang } from '../i18n/localised.ts';

export function AssessmentsPage() {
  const { t, lang, formatDate } = useI18n();
  const label = useEnumLabel();
  const session = useSession();
  const navigate = useNavigate();
  const [params, set] = useUrlFilters();
  const instrument = params.get('instrument') ?? '';
  const project = params.get('project') ?? '';
  const instruments = useLoad(() => get<InstrumentSummary[]>('/instruments'), []);
  const list = useLoad(
    () =>
      get<AssessmentSummary[]>('/assessments', {
        instrument: instrument || undefined,
        project_id: project || undefined,
      }),
    [instrument, project, session.me?.user_id],
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const titleOf = (key: string) => inLang(instruments.data?.find((i) => i.key === key)?.title, lang) || key;
  const chosenRows = (list.data ?? []).filter((a) => chosen.includes(a.id));
  const sameVersion =
    new Set(chosenRows.map((a) => `${a.instrument.key}@${a.instrument.version}`)).size === 1;

  return (
    <div className="page">
      <h1>{t('assessments.title')}</h1>
      <p className="lead">{t('assessments.lead')}</p>
      <div className="form-row">
        <label>
          {t('assessments.instrument')}
          <select value={instrument} onChange={(e) => set('instrument', e.target.value)}>
            <option value="">{t('assessments.anyInstrument')}</option>
            {instruments.data?.map((i) => (
              <option key={i.key} value={i.key}>
                {inLang(i.title, lang)}
              </option>
            ))}
          </select>
        </label>
        {project && (
          <button type="button" className="link-button" onClick={() => set('project', null)}>
            {t('assessments.allProjects')}
          </button>
        )}
      </div>
      <ErrorMessage error={list.error ?? instruments.error} />
      {list.loading && <Loading />}
      {list.data?.length === 0 && <p className="muted">{t('assessments.none')}</p>}
      <ul className="card-list" aria-label={t('assessments.title')}>
        {list.data?.map((a) => (
          <li key={a.id} className="card">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(a.id)}
                onChange={(e) =>
                  setChosen((c) => (e.target.checked ? [...c, a.id] : c.filter((x) => x !== a.id)))
                }
              />
              {t('assessments.choose')}
            </label>{' '}
            <Link to={`/assessments/${a.id}`}>
              <strong>{a.title ?? `${titleOf(a.instrument.key)}: ${a.subject.name ?? '—'}`}</strong>
            </Link>
            <div className="muted small">
              {titleOf(a.instrument.key)} · {t('instruments.version', { n: a.instrument.version })} ·{' '}
              {label('subjectType', a.subject.type)}: {a.subject.name ?? t('assessments.hiddenSubject')} ·{' '}
              {a.owner_org.name} · {label('visibility', a.visibility)} · {formatDate(a.updated_at)}
            </div>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          disabled={chosen.length < 2 || !sameVersion}
          onClick={() => navigate(`/assessments/compare?ids=${chosen.join(',')}`)}
        >
          {t('assessments.compare', { n: chosen.length })}
        </button>
        {chosen.length >= 2 && !sameVersion && (
          <span className="muted small">{t('assessments.sameVersionOnly')}</span>
        )}
      </div>
      {session.signedIn && (
        <NewAssessmentForm
          instruments={instruments.data ?? []}
          project={project}
          onCreated={(id) => navigate(`/assessments/${id}`)}
        />
      )}
    </div>
  );
}
