// The project list with filters kept in the URL (country, theme, status, organisation, text).
import { Link } from 'react-router-dom';
import { get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { Page, ProjectListItem } from '../api/types.ts';
import { useUrlFilters } from '../api/url-filters';
import { CountryFilter, ThemeFilter } from '../components/FilterSelects.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { CountryChips, ThemeChips, useEnumLabel } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';

const STATUSES = ['pipeline', 'active', 'finalisation', 'closed', 'cancelled', 'suspended'];

export function ProjectsPage() {
  const { t, formatDate } = useI18n();
  const session = useSession();
  const label = useEnumLabel();
  const [params, set] = useUrlFilters();
  const filters = {
    q: params.get('q') ?? '',
    country: params.get('country') ?? '',
    theme: params.get('theme') ?? '',
    status: params.get('status') ?? '',
    organisation: params.get('organisation') ?? '',
    incomplete: params.get('incomplete') ?? '',
  };
  const cursor = params.get('cursor') ?? '';
  const page = useLoad(
    () => get<Page<ProjectListItem>>('/projects', { ...filters, cursor, limit: 50 }),
    [params.toString(), session.me?.user_id],
  );

  return (
    <div className="page">
      <h1>{t('projects.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <label>
          {t('common.text')}
          <input type="search" defaultValue={filters.q} onChange={(e) => set('q', e.target.value)} />
        </label>
        <CountryFilter value={filters.country} onChange={(v) => set('country', v)} />
        <ThemeFilter value={filters.theme} onChange={(v) => set('theme', v)} />
        <label>
          {t('common.status')}
          <select value={filters.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('common.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {label('projectStatus', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('quality.completeness')}
          <select value={filters.incomplete} onChange={(e) => set('incomplete', e.target.value)}>
            <option value="">{t('common.any')}</option>
            <option value="true">{t('quality.incomplete')}</option>
            <option value="false">{t('quality.complete')}</option>
          </select>
        </label>
      </form>
      <ErrorMessage error={page.error} />
      {page.loading && <Loading />}
      {page.data && (
        <>
          <p className="muted" aria-live="polite">
            {t('projects.count', { n: page.data.items.length })}
          </p>
          <ul className="card-list">
            {page.data.items.map((p) => (
              <li key={p.id} className="card">
                <h2 className="h3">
                  <Link to={`/projects/${p.id}`}>{p.title}</Link>
                </h2>
                <p className="muted small">
                  {p.code && <>{p.code} · </>}
                  {label('projectStatus', p.status)} · {formatDate(p.period.start)} –{' '}
                  {p.period.ongoing ? t('project.ongoing') : formatDate(p.period.end)} · {p.owner_org.name} ·{' '}
                  {t('quality.score', { score: p.completeness.score })}
                </p>
                <div className="chips">
                  <CountryChips codes={p.countries.map((c) => c.code)} />
                  {p.country_match?.regional && (
                    <span className="chip regional">
                      {t('projects.regional', { regions: p.country_match.regions.join(', ') })}
                    </span>
                  )}
                  <ThemeChips slugs={p.themes} />
                </div>
              </li>
            ))}
          </ul>
          {page.data.next_cursor && (
            <button type="button" onClick={() => set('cursor', page.data?.next_cursor ?? '')}>
              {t('common.next')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
