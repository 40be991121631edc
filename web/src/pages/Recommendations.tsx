// The recommendation register: filters in the URL, overdue first as the server orders them, the
// counts and the implementation rate from the server; the owner's editors answer a recommendation
// in place, the editors responsible for a key action record its progress, each side gives its rating.
import { useEffect, useMemo, useState } from 'react';
import { get, getAll } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { Project, Recommendation } from '../api/types.ts';
import { useUrlFilters } from '../api/url-filters';
import { CountryFilter, ThemeFilter } from '../components/FilterSelects.tsx';
import { ImplementationRateChart, RATE_BY, type RateBy } from '../components/ImplementationRateChart.tsx';
import { RecordProgress } from '../components/KeyActionProgressForm.tsx';
import { RecommendationCard } from '../components/RecommendationCard.tsx';
import { RecommendationEditor } from '../components/RecommendationEditor.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useEnumLabel } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';

const FILTERS = [
  'status',
  'management_response',
  'overdue',
  'country',
  'theme',
  'source_type',
  'due_from',
  'due_to',
  'project_id',
] as const;

export function RecommendationsPage() {
  const { t, formatDateTime } = useI18n();
  const session = useSession();
  const label = useEnumLabel();
  const [params, set] = useUrlFilters();
  const mine = params.get('mine') === '1';
  const openId = params.get('open');
  const rateBy = RATE_BY.find((b) => b === params.get('rate_by')) ?? 'organisation';
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const orgIds = session.orgs.map((o) => o.id);
  // "Mine": recommendations my organisations own or are responsible for a key action of.
  const scopes = mine && orgIds.length ? orgIds : [undefined];
  const list = useLoad(async () => {
    const pages = await Promise.all(
      scopes.map((org) => getAll<Recommendation>('/recommendations', { ...filters, organisation_id: org })),
    );
    const seen = new Set<string>();
    return pages.flat().filter((r) => !seen.has(r.id) && seen.add(r.id));
  }, [params.toString(), orgIds.join(), session.me?.user_id]);
  const counts = useLoad(
    () =>
      scopes.length === 1
        ? get<{ total: number; overdue: number }>('/recommendations/counts', {
            ...filters,
            organisation_id: scopes[0],
          })
        : Promise.resolve(null),
    [params.toString(), orgIds.join(), session.me?.user_id],
  );
  const projects = useLoad(() => getAll<Project>('/projects'), [session.me?.user_id]);
  const projectTitle = useMemo(
    () => new Map((projects.data ?? []).map((p) => [p.id, p.title])),
    [projects.data],
  );

  useEffect(() => {
    if (openId && list.data) document.getElementById(`rec-${openId}`)?.scrollIntoView({ block: 'start' });
  }, [openId, list.data]);

  const [changes, setChanges] = useState(0);
  const reload = () => {
    list.reload();
    counts.reload();
    setChanges((n) => n + 1);
  };
  /** The open key actions whose progress this user may record: those of an organisation they edit for. */
  const recordable = (r: Recommendation) =>
    r.status === 'closed'
      ? []
      : r.key_actions.flatMap((a, i) =>
          ['not_started', 'in_progress'].includes(a.status) && session.canEdit(r.responsible_org_ids[i])
            ? [i]
            : [],
        );
  const items = list.data ?? [];
  const total = counts.data?.total ?? items.length;
  const overdue = counts.data?.overdue ?? items.filter((r) => r.overdue).length;
  const select = (key: (typeof FILTERS)[number], group: string, values: string[], title: string) => (
    <label>
      {title}
      <select value={filters[key]} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('common.any')}</option>
        {values.map((s) => (
          <option key={s} value={s}>
            {label(group, s)}
          </option>
        ))}
      </select>
    </label>
  );

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
        {select('status', 'recStatus', ['open', 'in_progress', 'closed'], t('common.status'))}
        {select(
          'management_response',
          'response',
          ['accepted', 'partially_accepted', 'rejected'],
          t('recommendations.response'),
        )}
        {select(
          'source_type',
          'source',
          ['review', 'evaluation', 'meeting', 'other'],
          t('recommendations.source'),
        )}
        <CountryFilter value={filters.country} onChange={(v) => set('country', v)} />
        <ThemeFilter value={filters.theme} onChange={(v) => set('theme', v)} />
        <label>
          {t('recommendations.dueFrom')}
          <input type="date" value={filters.due_from} onChange={(e) => set('due_from', e.target.value)} />
        </label>
        <label>
          {t('recommendations.dueTo')}
          <input type="date" value={filters.due_to} onChange={(e) => set('due_to', e.target.value)} />
        </label>
      </form>
      <ErrorMessage error={list.error ?? counts.error} />
      {list.loading && <Loading />}
      {list.data && (
        <p className="muted" aria-live="polite">
          {t('recommendations.count', { n: total, overdue })}
        </p>
      )}
      <ImplementationRateChart
        filters={{ ...filters, organisation_id: scopes.length === 1 ? scopes[0] : undefined }}
        by={rateBy}
        onBy={(by: RateBy) => set('rate_by', by === 'organisation' ? '' : by)}
        changes={changes}
      />
      <ul className="rec-list">
        {items.map((r) => (
          <RecommendationCard
            key={r.id}
            r={r}
            projectTitle={r.project_id ? projectTitle.get(r.project_id) : undefined}
            onChanged={reload}
          >
            {recordable(r).length > 0 && (
              <RecordProgress
                recommendation={r}
                indexes={recordable(r)}
                initiallyOpen={openId === r.id}
                onSaved={reload}
              />
            )}
            <details open={openId === r.id}>
              <summary>
                {session.canEdit(r.owner_org.id) ? t('recommendations.answer') : t('recommendations.history')}
              </summary>
              {session.canEdit(r.owner_org.id) ? (
                <RecommendationEditor recommendation={r} onSaved={reload} />
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
          </RecommendationCard>
        ))}
      </ul>
    </div>
  );
}
