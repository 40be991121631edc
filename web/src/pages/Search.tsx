// One search box across every kind of record, with facets; the query and filters live in the URL so
// a search can be shared.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { FacetName, FacetValue, SearchHit, SearchResult } from '../api/types.ts';
import { useUrlFilters } from '../api/url-filters';
import { Snippet } from '../components/Snippet.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { Badge, useEnumLabel, useVocabulary } from '../components/Tags.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.tsx';

const FACETS: { name: FacetName; param: string; key: MessageKey }[] = [
  { name: 'kind', param: 'kind', key: 'search.kind' },
  { name: 'country', param: 'country', key: 'common.country' },
  { name: 'region', param: 'region', key: 'search.region' },
  { name: 'theme', param: 'theme', key: 'common.theme' },
  { name: 'organisation', param: 'organisation', key: 'common.organisation' },
  { name: 'status', param: 'status', key: 'common.status' },
  { name: 'year', param: 'year', key: 'common.year' },
  { name: 'language', param: 'language', key: 'search.language' },
];
const PASSED = [
  'q',
  'kind',
  'country',
  'region',
  'theme',
  'organisation',
  'status',
  'language',
  'sort',
  'cursor',
];

export function hitLink(hit: SearchHit): string {
  switch (hit.kind) {
    case 'project':
      return `/projects/${hit.id}`;
    case 'document':
      return `/documents/${hit.id}`;
    case 'recommendation':
      return `/recommendations?open=${hit.id}`;
    case 'lesson':
      return '/lessons';
    default:
      return hit.project_id ? `/projects/${hit.project_id}` : `/search?q=${encodeURIComponent(hit.title)}`;
  }
}

export function SearchPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { countryName, themeLabel } = useReference();
  const session = useSession();
  const label = useEnumLabel();
  const vocabulary = useVocabulary();
  const [params, set] = useUrlFilters();
  const [text, setText] = useState(params.get('q') ?? '');
  const query: Record<string, string> = {};
  for (const k of PASSED) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  const year = params.get('year');
  if (year) Object.assign(query, { year_from: year, year_to: year });
  const result = useLoad(
    () => get<SearchResult>('/search', { ...query, limit: 25 }),
    [params.toString(), session.me?.user_id],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    set('q', text.trim());
  };
  // A status is a project's or a recommendation's: the project word if the interface has one.
  const statusLabel = (value: string) => {
    const project = label('projectStatus', value);
    return project !== value.replace(/_/g, ' ') ? project : label('recStatus', value);
  };
  const facetLabel = (facet: FacetName, v: FacetValue) => {
    if (facet === 'country') return countryName(v.value);
    if (facet === 'theme') return themeLabel(v.value);
    if (facet === 'kind') return label('kind', v.value);
    if (facet === 'region') return vocabulary.region(v.value);
    if (facet === 'status') return statusLabel(v.value);
    if (facet === 'dac') return `${v.value} ${vocabulary.dac(v.value, v.label)}`;
    return v.label;
  };

  return (
    <div className="page">
      <h1>{t('search.title')}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet in React's DOM types */}
      <form role="search" className="search-box" onSubmit={submit}>
        <label className="visually-hidden" htmlFor="search-q">
          {t('search.title')}
        </label>
        <input
          id="search-q"
          type="search"
          value={text}
          placeholder={t('search.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t('search.submit')}</button>
      </form>
      <div className="search-layout">
        <aside aria-label={t('common.filters')} className="facets">
          {result.data &&
            FACETS.map((f) => {
              const values = result.data?.facets[f.name] ?? [];
              const active = params.get(f.param);
              if (values.length === 0 && !active) return null;
              return (
                <fieldset key={f.name}>
                  <legend>{t(f.key)}</legend>
                  {active && (
                    <button type="button" className="link-button small" onClick={() => set(f.param, null)}>
                      {t('common.all')} ✕
                    </button>
                  )}
                  <ul className="plain-list small">
                    {values.slice(0, 10).map((v) => (
                      <li key={v.value}>
                        <label className="checkbox">
                          <input
                            type="checkbox"
                            checked={active === v.value}
                            onChange={(e) => set(f.param, e.target.checked ? v.value : null)}
                          />
                          {facetLabel(f.name, v)} <span className="muted">({formatNumber(v.count)})</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              );
            })}
        </aside>
        <section aria-live="polite" aria-busy={result.loading}>
          <ErrorMessage error={result.error} />
          {result.loading && <Loading />}
          {result.data && (
            <>
              <p className="muted">
                {result.data.approximate
                  ? t('search.resultsAbout', { n: formatNumber(result.data.total) })
                  : t('search.results', { n: result.data.total })}
              </p>
              <ol className="card-list">
                {result.data.items.map((hit) => (
                  <li key={`${hit.kind}-${hit.id}`} className="card">
                    <div className="rec-head">
                      <Badge tone="info">{label('kind', hit.kind)}</Badge>
                      {hit.status && <Badge>{statusLabel(hit.status)}</Badge>}
                      {hit.score && <Badge>{hit.score}</Badge>}
                      {hit.language && <span className="muted small">{hit.language}</span>}
                      {hit.date && <span className="muted small">{formatDate(hit.date)}</span>}
                    </div>
                    <h2 className="h3">
                      <Link to={hitLink(hit)}>{hit.title || hit.kind}</Link>
                    </h2>
                    {hit.snippet && <Snippet html={hit.snippet} />}
                    <p className="muted small">
                      {[...hit.countries.map(countryName), ...hit.themes.map(themeLabel)].join(' · ')}
                    </p>
                  </li>
                ))}
              </ol>
              {result.data.next_cursor && (
                <button type="button" onClick={() => set('cursor', result.data?.next_cursor ?? null)}>
                  {t('common.next')}
                </button>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
