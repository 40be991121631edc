// Coordination views: the 3W matrix as a heat map (exportable to CSV and Excel), gaps per country
// and theme, the timeline of every project on one axis, and the map of assistance. Each view is
// its own component in `coordination/`; this page holds the tabs and the filters in the URL.
import { Link } from 'react-router-dom';
import { useReference } from '../api/reference.tsx';
import { useUrlFilters } from '../api/url-filters';
import { CountryFilter, ThemeFilter } from '../components/FilterSelects.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.tsx';
import { GapsView } from './coordination/GapsView.tsx';
import { MapView } from './coordination/MapView.tsx';
import { MatrixView } from './coordination/MatrixView.tsx';
import { TimelineView } from './coordination/TimelineView.tsx';

const VIEWS: { id: string; key: MessageKey }[] = [
  { id: 'matrix', key: 'coordination.matrix' },
  { id: 'gaps', key: 'coordination.gaps' },
  { id: 'timeline', key: 'coordination.timeline' },
  { id: 'map', key: 'coordination.map' },
];

export function CoordinationPage() {
  const { t } = useI18n();
  const { countryName } = useReference();
  const [params, set] = useUrlFilters();
  const view = params.get('view') ?? 'matrix';
  const filters: Record<string, string> = {};
  for (const k of ['country', 'theme', 'year']) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  return (
    <div className="page">
      <h1>{t('coordination.title')}</h1>
      <nav className="tabs" aria-label={t('coordination.title')}>
        {VIEWS.map((v) => (
          <Link
            key={v.id}
            to={`?${new URLSearchParams({ ...filters, view: v.id }).toString()}`}
            className={view === v.id ? 'active' : undefined}
            aria-current={view === v.id ? 'page' : undefined}
          >
            {t(v.key)}
          </Link>
        ))}
      </nav>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <CountryFilter value={filters.country} onChange={(v) => set('country', v)} />
        <ThemeFilter value={filters.theme} onChange={(v) => set('theme', v)} />
        <label>
          {t('common.year')}
          <input
            type="number"
            min={1990}
            max={2100}
            value={filters.year ?? ''}
            onChange={(e) => set('year', e.target.value)}
          />
        </label>
      </form>
      {filters.country && (
        <p className="actions">
          <Link to={`/countries/${filters.country}`}>
            {t('coordination.briefFor', { country: countryName(filters.country) })}
          </Link>
          <a href={`/api/v1/countries/${filters.country}/brief?format=html`} target="_blank" rel="noreferrer">
            {t('brief.printable')}
          </a>
        </p>
      )}
      {view === 'matrix' && <MatrixView filters={filters} />}
      {view === 'gaps' && <GapsView filters={filters} />}
      {view === 'timeline' && <TimelineView filters={filters} />}
      {view === 'map' && <MapView filters={filters} />}
    </div>
  );
}
