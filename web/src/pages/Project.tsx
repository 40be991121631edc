// One project: summary, score history chart, reviews and evaluations, recommendations, lessons,
// documents, and who else works on the same themes in the same countries.
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get, getAll } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { DocumentSummary, Evaluation, Lesson, Project, Recommendation, Review } from '../api/types.ts';
import { CompletenessSummary } from '../components/Completeness.tsx';
import { EvaluationFindings } from '../components/EvaluationFindings.tsx';
import { RecommendationList } from '../components/RecommendationList.tsx';
import { ScoreFlags } from '../components/ScoreFlags.tsx';
import { ScoreHistory } from '../components/ScoreHistory.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { Badge, CountryChips, ThemeChips, useEnumLabel, useVocabulary } from '../components/Tags.tsx';
import { WhoElse } from '../components/WhoElse.tsx';
import { useI18n } from '../i18n/index.tsx';

export function ProjectPage() {
  const { id = '' } = useParams();
  const { t, formatDate, formatMoney } = useI18n();
  const { countryName } = useReference();
  const session = useSession();
  const label = useEnumLabel();
  const vocabulary = useVocabulary();
  const who = session.me?.user_id;
  const project = useLoad(() => get<Project>(`/projects/${id}`), [id, who]);
  const records = useLoad(
    () =>
      Promise.all([
        getAll<Review>('/reviews', { project_id: id }),
        getAll<Evaluation>('/evaluations', { project_id: id }),
        getAll<Recommendation>('/recommendations', { project_id: id }),
        getAll<Lesson>('/lessons', { project_id: id }),
        getAll<DocumentSummary>('/documents', { project_id: id }),
      ]),
    [id, who],
  );
  const [reviews, evaluations, recommendations, lessons, documents] = records.data ?? [[], [], [], [], []];
  const scored = useMemo(() => reviews.filter((r) => r.overall_score || r.outcome_score), [reviews]);

  if (project.error) return <ErrorMessage error={project.error} />;
  if (!project.data) return <Loading />;
  const p = project.data;
  return (
    <article className="page">
      <p className="muted small">
        <Link to="/projects">{t('projects.title')}</Link> / {p.code ?? p.iati_identifier ?? ''}
      </p>
      <h1>{p.title}</h1>
      <div className="chips">
        <Badge>{label('projectStatus', p.status)}</Badge>
        <Badge tone="info">{label('visibility', p.visibility)}</Badge>
        <CountryChips codes={p.countries.map((c) => c.code)} to="brief" />
        <ThemeChips slugs={p.themes} />
      </div>
      <p>
        <Link to={`/assessments?project=${p.id}`}>{t('assessments.ofProject')}</Link>
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="summary-h">
          <h2 id="summary-h">{t('project.summary')}</h2>
          <dl className="facts">
            <dt>{t('project.dates')}</dt>
            <dd>
              {formatDate(p.period.start)} –{' '}
              {p.period.ongoing ? t('project.ongoing') : formatDate(p.period.end)}
            </dd>
            <dt>{t('project.countries')}</dt>
            <dd>
              {p.countries.map((c) => countryName(c.code)).join(', ') || '—'}
              {p.regions.length > 0 && ` · ${p.regions.map((r) => vocabulary.region(r.name)).join(', ')}`}
            </dd>
            <dt>{t('project.budget')}</dt>
            <dd>
              {p.budget === null
                ? t('visibility.withheld')
                : p.budget.length === 0
                  ? '—'
                  : p.budget.map((b) => (
                      <div key={`${b.amount}-${b.currency}-${b.label}-${b.category}`}>
                        {formatMoney(b.amount, b.currency)}{' '}
                        {b.category && <span className="muted">({b.category})</span>}{' '}
                        {b.label && <span className="muted small">{b.label}</span>}
                      </div>
                    ))}
            </dd>
            <dt>{t('project.owner')}</dt>
            <dd>
              {p.owner_org.name} ·{' '}
              <Link to={`/organisations/${p.owner_org.id}/quality`}>{t('quality.link')}</Link>
            </dd>
            <dt>{t('quality.completeness')}</dt>
            <dd>
              <CompletenessSummary completeness={p.completeness} />
            </dd>
            {p.dac_codes.length > 0 && (
              <>
                <dt>{t('project.dac')}</dt>
                <dd>{p.dac_codes.map((d) => `${d.code} ${vocabulary.dac(d.code, d.name)}`).join('; ')}</dd>
              </>
            )}
          </dl>
          {p.description && <p className="prose">{p.description}</p>}
        </section>
        <section className="card" aria-labelledby="partners-h">
          <h2 id="partners-h">{t('project.partners')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('project.organisation')}</th>
                <th scope="col">{t('project.role')}</th>
              </tr>
            </thead>
            <tbody>
              {p.participants.map((x) => (
                <tr key={`${x.name}-${x.role}`}>
                  <td>
                    {x.name}
                    {x.acronym && <span className="muted"> ({x.acronym})</span>}
                  </td>
                  <td>{label('role', x.role)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      {(p.outputs.length > 0 || p.outcome?.statement) && (
        <section className="card">
          <h2>{t('project.results')}</h2>
          {p.outcome?.statement && (
            <p>
              <strong>{t('project.outcome')}:</strong> {p.outcome.statement}{' '}
              {p.outcome.score && <Badge>{p.outcome.score}</Badge>}
            </p>
          )}
          <ol className="outputs">
            {p.outputs.map((o) => (
              <li key={`${o.number}-${o.title}`}>
                {o.title} {o.score && <Badge>{o.score}</Badge>}
              </li>
            ))}
          </ol>
        </section>
      )}

      <ErrorMessage error={records.error} />
      {records.loading && <Loading />}
      {records.data && (
        <>
          <section className="card">
            <h2>{t('project.scoreHistory')}</h2>
            {scored.length ? (
              <ScoreHistory reviews={scored} />
            ) : (
              <p className="muted">{t('project.noScores')}</p>
            )}
            <ScoreFlags projectId={id} />
          </section>
          <div className="grid-2">
            <section className="card">
              <h2>{t('project.reviews')}</h2>
              {reviews.length === 0 && <p className="muted">{t('common.none')}</p>}
              {reviews.map((r) => (
                <details key={r.id}>
                  <summary>
                    {label('reviewKind', r.kind)} {r.period_label} — {r.overall_score ?? '—'}
                  </summary>
                  {r.output_scores.length > 0 && (
                    <ul>
                      {r.output_scores.map((o) => (
                        <li key={`${o.number}-${o.title}`}>
                          {o.number}. {o.title}: <strong>{o.score}</strong>
                        </li>
                      ))}
                    </ul>
                  )}
                  {r.progress.map((g) => (
                    <p key={g.text.slice(0, 40)} className="prose small">
                      {g.country && <strong>{countryName(g.country)}: </strong>}
                      {g.text}
                    </p>
                  ))}
                  {r.narrative && <p className="prose small">{r.narrative}</p>}
                  <CompletenessSummary completeness={r.completeness} />
                </details>
              ))}
              <h2>{t('project.evaluations')}</h2>
              {evaluations.length === 0 && <p className="muted">{t('common.none')}</p>}
              {evaluations.map((e) => (
                <details key={e.id}>
                  <summary>
                    {e.title} {e.completed_on && `(${formatDate(e.completed_on)})`}
                  </summary>
                  {e.evaluators.length > 0 && (
                    <p className="small">
                      {t('project.evaluators')}: {e.evaluators.join(', ')}
                    </p>
                  )}
                  {e.stakeholders_total !== null && (
                    <p className="small">
                      {t('project.stakeholders', {
                        total: e.stakeholders_total,
                        female: e.stakeholders_female ?? '?',
                        male: e.stakeholders_male ?? '?',
                      })}
                    </p>
                  )}
                  <EvaluationFindings evaluation={e} onSaved={records.reload} />
                  <CompletenessSummary completeness={e.completeness} />
                </details>
              ))}
            </section>
            <section className="card">
              <h2>{t('project.documents')}</h2>
              {documents.length === 0 && <p className="muted">{t('common.none')}</p>}
              <ul className="plain-list">
                {documents.map((d) => (
                  <li key={d.id}>
                    <Link to={`/documents/${d.id}`}>{d.title ?? d.filename}</Link>{' '}
                    <span className="muted small">
                      {label('docKind', d.kind)} · {d.language ?? ''}
                    </span>
                  </li>
                ))}
              </ul>
              <h2>{t('project.lessons')}</h2>
              {lessons.length === 0 && <p className="muted">{t('common.none')}</p>}
              <ul className="plain-list">
                {lessons.map((l) => (
                  <li key={l.id}>
                    <Badge tone={l.type === 'good_practice' ? 'ok' : undefined}>
                      {label('lessonType', l.type)}
                    </Badge>{' '}
                    {l.text}
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <section className="card">
            <h2>{t('project.recommendations')}</h2>
            <RecommendationList items={recommendations} />
          </section>
        </>
      )}
      <WhoElse query={{ project_id: p.id }} />
    </article>
  );
}
