// One recommendation as a card, the same on the register, the project page and the home page:
// its state, text and, unless compact, its key actions, progress and the two ratings side by side.

import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useReference } from '../api/reference.tsx';
import type { Recommendation } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { CompletenessSummary } from './Completeness.tsx';
import { ImplementationRatings } from './ImplementationRatings.tsx';
import { Badge, useEnumLabel } from './Tags.tsx';

export function RecommendationCard({
  r,
  compact,
  clamp,
  projectTitle,
  onChanged,
  children,
}: {
  r: Recommendation;
  /** A summary with a link to the register, for lists on other pages. */
  compact?: boolean;
  clamp?: boolean;
  projectTitle?: string | undefined;
  /** Given on the register: the two ratings can be given there, each by its organisation. */
  onChanged?: ((r: Recommendation) => void) | undefined;
  children?: ReactNode;
}) {
  const { t, formatDate } = useI18n();
  const { countryName } = useReference();
  const label = useEnumLabel();
  return (
    <li id={`rec-${r.id}`} className={`${compact ? '' : 'card '}${r.overdue ? 'overdue' : ''}`}>
      <div className="rec-head">
        {r.overdue && <Badge tone="danger">{t('recommendations.overdue')}</Badge>}
        <Badge tone={r.status === 'closed' ? 'ok' : 'info'}>{label('recStatus', r.status)}</Badge>
        {r.management_response && <Badge>{label('response', r.management_response)}</Badge>}
        {r.ratings_disagree && <Badge tone="warn">{t('recommendations.ratingsDisagree')}</Badge>}
        {r.number !== null && <span className="muted small">#{r.number}</span>}
        {r.category && <span className="muted small">{r.category}</span>}
        {r.country && <span className="muted small">{countryName(r.country)}</span>}
      </div>
      <p className={clamp ? 'clamp-2' : undefined}>{r.text}</p>
      {compact ? (
        <Link to={`/recommendations?open=${r.id}`} className="small">
          {t('recommendations.openOne')}
        </Link>
      ) : (
        <>
          <p className="muted small">
            {r.project_id && (
              <>
                {t('recommendations.project')}:{' '}
                <Link to={`/projects/${r.project_id}`}>{projectTitle ?? r.project_id}</Link> ·{' '}
              </>
            )}
            {t('recommendations.source')}: {label('source', r.source_type)} ·{' '}
            {r.addressee && (
              <>
                {t('recommendations.addressee')}: {r.addressee} ·{' '}
              </>
            )}
            {r.owner_org.name}
          </p>
          {r.key_actions.length > 0 && (
            <table className="table">
              <caption className="visually-hidden">{t('recommendations.keyActions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('recommendations.action')}</th>
                  <th scope="col">{t('recommendations.actionOwner')}</th>
                  <th scope="col">{t('recommendations.actionDue')}</th>
                  <th scope="col">{t('recommendations.actionStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {r.key_actions.map((a) => (
                  <tr key={`${a.text}-${a.due_on}`}>
                    <td>{a.text}</td>
                    <td>{a.owner ?? '—'}</td>
                    <td>{formatDate(a.due_on)}</td>
                    <td>{label('actionStatus', a.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {r.response_text && (
            <p className="small">
              <strong>{t('recommendations.responseText')}:</strong> {r.response_text}
            </p>
          )}
          <CompletenessSummary completeness={r.completeness} />
          <ImplementationRatings r={r} onRated={onChanged} />
          {r.progress.length > 0 && (
            <>
              <h3 className="h3">{t('recommendations.progress')}</h3>
              <ul className="plain-list small" aria-label={t('recommendations.progress')}>
                {r.progress.map((p) => (
                  <li key={`${p.recorded_at}-${p.action_index}`}>
                    {formatDate(p.reported_on)} — #{p.action_index + 1} {label('actionStatus', p.from_status)}{' '}
                    → {label('actionStatus', p.status)} · {p.comment} · {p.org.name}
                    {p.via === 'signed_link' && ` (${t('followUp.viaLink')})`}
                    {p.evidence_url && (
                      <>
                        {' '}
                        · <a href={p.evidence_url}>{t('recommendations.evidence')}</a>
                      </>
                    )}
                    {p.evidence_document_id && (
                      <>
                        {' '}
                        ·{' '}
                        <Link to={`/documents/${p.evidence_document_id}`}>
                          {t('recommendations.evidence')}
                        </Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {children}
        </>
      )}
    </li>
  );
}
