// An organisation's data quality, from the records the reader may see: how complete its projects
// are, which elements they miss, which have gone stale, and which names in its documents were
// never resolved to a registered organisation.
import { Link, useParams } from 'react-router-dom';
import { get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { OrganisationQuality } from '../api/types.ts';
import { useElementLabel } from '../components/Completeness.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useEnumLabel } from '../components/Tags.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.tsx';

export function DataQualityPage() {
  const { id = '' } = useParams();
  const { t, formatDate, formatNumber } = useI18n();
  const session = useSession();
  const element = useElementLabel();
  const label = useEnumLabel();
  const quality = useLoad(
    () => get<OrganisationQuality>(`/quality/organisations/${id}`),
    [id, session.me?.user_id],
  );
  if (quality.error) return <ErrorMessage error={quality.error} />;
  if (!quality.data) return <Loading />;
  const { organisation, projects, records, stale, unresolved_organisations: unresolved } = quality.data;
  const none = <p className="muted">{t('quality.none')}</p>;
  return (
    <article className="page">
      <h1>{t('quality.title', { name: organisation.name })}</h1>
      <p>
        {t('quality.projects', { n: projects.total })}
        {projects.average !== null && <> · {t('quality.average', { score: projects.average })}</>} ·{' '}
        {t('quality.incompleteCount', { n: projects.incomplete })} ·{' '}
        <Link to={`/projects?organisation=${organisation.id}&incomplete=true`}>
          {t('quality.incomplete')}
        </Link>
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="bands-h">
          <h2 id="bands-h">{t('quality.distribution')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('quality.completeness')}</th>
                <th scope="col">{t('quality.projectsCount')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.distribution.map((b) => (
                <tr key={b.from}>
                  <td>{t('quality.band', { from: b.from, to: b.to })}</td>
                  <td className="num">{formatNumber(b.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="missing-h">
          <h2 id="missing-h">{t('quality.missingCounts')}</h2>
          {projects.missing.length === 0 ? (
            none
          ) : (
            <table className="table">
              <tbody>
                {projects.missing.map((m) => (
                  <tr key={m.key}>
                    <td>
                      {element(m.key)}{' '}
                      <span className="muted small">({t(`quality.group.${m.group}` as MessageKey)})</span>
                    </td>
                    <td className="num">{formatNumber(m.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="least-h">
        <h2 id="least-h">{t('quality.leastComplete')}</h2>
        {projects.least_complete.length === 0 ? (
          none
        ) : (
          <ul>
            {projects.least_complete.map((p) => (
              <li key={p.id}>
                <Link to={`/projects/${p.id}`}>{p.title}</Link> — {t('quality.score', { score: p.score })}
                <span className="muted small"> · {p.missing.map(element).join(', ')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="records-h">
        <h2 id="records-h">{t('quality.records')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('quality.kind')}</th>
              <th scope="col">{t('quality.recordsCount')}</th>
              <th scope="col">{t('quality.completeness')}</th>
              <th scope="col">{t('quality.incomplete')}</th>
              <th scope="col">{t('quality.missingCounts')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.kind}>
                <th scope="row">{label('kind', r.kind)}</th>
                <td className="num">{formatNumber(r.total)}</td>
                <td className="num">{r.average === null ? '—' : t('quality.score', { score: r.average })}</td>
                <td className="num">{formatNumber(r.incomplete)}</td>
                <td className="small">
                  {r.missing
                    .slice(0, 3)
                    .map((m) => `${element(m.key)} (${formatNumber(m.count)})`)
                    .join(', ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="stale-h">
        <h2 id="stale-h">{t('quality.stale', { months: stale.months })}</h2>
        {stale.items.length === 0 ? (
          none
        ) : (
          <ul>
            {stale.items.map((p) => (
              <li key={p.id}>
                <Link to={`/projects/${p.id}`}>{p.title}</Link>{' '}
                <span className="muted small">
                  {label('projectStatus', p.status)} ·{' '}
                  {t('quality.updated', { date: formatDate(String(p.updated_at)) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="unresolved-h">
        <h2 id="unresolved-h">{t('quality.unresolved')}</h2>
        {unresolved.length === 0 ? (
          none
        ) : (
          <ul>
            {unresolved.map((u) => (
              <li key={u.name}>
                {u.name} —{' '}
                {u.documents.map((d, i) => (
                  <span key={d.id}>
                    {i > 0 && ', '}
                    <Link to={`/documents/${d.id}`}>{d.title}</Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
