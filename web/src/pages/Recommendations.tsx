// The recommendation register: filters in the URL, overdue first; the responsible organisation's
// editors answer a recommendation in place.
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { getAll } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { Project, Recommendation } from '../api/types.ts';
import { useUrlFilters } from '../api/url-filters';
import { CountryFilter } from '../components/FilterSelects.tsx';
import { RecommendationEditor } from '../components/RecommendationEditor.tsx';
import { sortOverdueFirst } from '../components/RecommendationList.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { Badge, useEnumLabel } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';

export function RecommendationsPage() {
  const { t, formatDate, formatDateTime } = useI18n();
  const { countryName } = useReference();
  const session = useSession();
  const label = useEnumLabel();
  const [params, set] = useUrlFilters();
  const mine = params.get('mine') === '1';
  const openId = params.get('open');
  const filters = {
    status: params.get('status') ?? '',
    management_response: params.get('management_response') ?? '',
    overdue: params.get('overdue') ?? '',
    country: params.get('country') ?? '',
    project_id: params.get('project_id') ?? '',
  };
  const orgIds = session.orgs.map((o) => o.id);
  const list = useLoad(async () => {
    const owners = mine && orgIds.length ? orgIds : [undefined];
    const pages = await Promise.all(
      owners.map((owner) => getAll<Recommendation>('/recommendations', { ...filters, owner_org_id: owner })),
    );
    return sortOverdueFirst(pages.flat());
  }, [params.toString(), orgIds.join(), session.me?.user_id]);
  const projects = useLoad(() => getAll<Project>('/projects'), [session.me?.user_id]);
  const projectTitle = useMemo(
    () => new Map((projects.data ?? []).map((p) => [p.id, p.title])),
    [projects.data],
  );

  useEffect(() => {
    if (openId && list.data) document.getElementById(`rec-${openId}`)?.scrollIntoView({ block: 'start' });
  }, [openId, list.data]);

  const items = list.data ?? [];

  return (
    <div className="page">
      <h1>{t('recommendations.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        {session.signedIn && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={mine}
              onChange={(e) => set('mine', e.target.checked ? '1' : '')}
            />
            {t('recommendations.mine')}
          </label>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filters.overdue === 'true'}
            onChange={(e) => set('overdue', e.target.checked ? 'true' : '')}
          />
          {t('recommendations.overdueOnly')}
        </label>
        <label>
          {t('common.status')}
          <select value={filters.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('common.any')}</option>
            {['open', 'in_progress', 'closed'].map((s) => (
              <option key={s} value={s}>
                {label('recStatus', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recommendations.response')}
          <select
            value={filters.management_response}
            onChange={(e) => set('management_response', e.target.value)}
          >
            <option value="">{t('common.any')}</option>
            {['accepted', 'partially_accepted', 'rejected'].map((s) => (
              <option key={s} value={s}>
                {label('response', s)}
              </option>
            ))}
          </select>
        </label>
        <CountryFilter value={filters.country} onChange={(v) => set('country', v)} />
      </form>
      <ErrorMessage error={list.error} />
      {list.loading && <Loading />}
      {list.data && (
        <p className="muted" aria-live="polite">
          {t('recommendations.count', { n: items.length, overdue: items.filter((r) => r.overdue).length })}
        </p>
      )}
      <ul className="rec-list">
        {items.map((r) => (
          <li key={r.id} id={`rec-${r.id}`} className={`card ${r.overdue ? 'overdue' : ''}`}>
            <div className="rec-head">
              {r.overdue && <Badge tone="danger">{t('recommendations.overdue')}</Badge>}
              <Badge tone={r.status === 'closed' ? 'ok' : 'info'}>{label('recStatus', r.status)}</Badge>
              {r.management_response && <Badge>{label('response', r.management_response)}</Badge>}
              {r.number !== null && <span className="muted small">#{r.number}</span>}
              {r.category && <span className="muted small">{r.category}</span>}
              {r.country && <span className="muted small">{countryName(r.country)}</span>}
            </div>
            <p>{r.text}</p>
            <p className="muted small">
              {r.project_id && (
                <>
                  {t('recommendations.project')}:{' '}
                  <Link to={`/projects/${r.project_id}`}>
                    {projectTitle.get(r.project_id) ?? r.project_id}
                  </Link>{' '}
                  ·{' '}
                </>
              )}
              {r.source_type && (
                <>
                  {t('recommendations.source')}: {label('source', r.source_type)} ·{' '}
                </>
              )}
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
            <details open={openId === r.id}>
              <summary>
                {session.canEdit(r.owner_org.id) ? t('recommendations.answer') : t('recommendations.history')}
              </summary>
              {session.canEdit(r.owner_org.id) ? (
                <RecommendationEditor recommendation={r} onSaved={() => list.reload()} />
              ) : (
                <p className="muted small">{t('recommendations.readOnly')}</p>
              )}
              <h3 className="h3">{t('recommendations.history')}</h3>
              <ul className="plain-list small">
                {r.history.map((h) => (
                  <li key={h.changed_at}>
                    {formatDateTime(h.changed_at)} — {label('recStatus', h.status)}
                    {h.management_response && ` · ${label('response', h.management_response)}`}
                    {h.note && ` · ${h.note}`}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
