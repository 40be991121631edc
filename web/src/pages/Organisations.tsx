// The organisation directory: every organisation with its type, country, parent, aliases and IATI
// identifier, filtered in the URL; below it, organisations probably entered twice, to merge (and undo).
import { useMemo } from 'react';
import { getAll } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { Organisation } from '../api/types.ts';
import { useUrlFilters } from '../api/url-filters';
import { CountryFilter } from '../components/FilterSelects.tsx';
import { OrganisationDuplicates } from '../components/OrganisationDuplicates.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useEnumLabel } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';

export function OrganisationsPage() {
  const { t, lang } = useI18n();
  const { countryName, lists } = useReference();
  const session = useSession();
  const label = useEnumLabel();
  const [params, set] = useUrlFilters();
  const filters = {
    q: params.get('q') ?? '',
    type: params.get('type') ?? '',
    country: params.get('country') ?? '',
  };
  const listed = useLoad(
    () => getAll<Organisation>('/organisations', filters),
    [params.toString(), session.me?.user_id],
  );
  // The whole directory, to name each parent even when a filter leaves it out of the list.
  const directory = useLoad(() => getAll<Organisation>('/organisations'), [session.me?.user_id]);
  const names = useMemo(
    () => new Map((directory.data ?? []).map((o) => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name])),
    [directory.data],
  );
  const rows = useMemo(
    () => [...(listed.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, lang)),
    [listed.data, lang],
  );
  const reload = () => {
    listed.reload();
    directory.reload();
  };

  return (
    <div className="page">
      <h1>{t('orgs.title')}</h1>
      <p className="lead">{t('orgs.lead')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <label>
          {t('common.text')}
          <input type="search" defaultValue={filters.q} onChange={(e) => set('q', e.target.value)} />
        </label>
        <label>
          {t('orgs.type')}
          <select value={filters.type} onChange={(e) => set('type', e.target.value)}>
            <option value="">{t('common.any')}</option>
            {lists.organisation_types.map((type) => (
              <option key={type} value={type}>
                {label('orgType', type)}
              </option>
            ))}
          </select>
        </label>
        <CountryFilter value={filters.country} onChange={(v) => set('country', v)} />
      </form>
      <ErrorMessage error={listed.error} />
      {listed.loading && <Loading />}
      {listed.data && (
        <p className="muted" aria-live="polite">
          {t('orgs.count', { n: rows.length })}
        </p>
      )}
      {rows.length > 0 && (
        <table className="table" aria-label={t('orgs.title')}>
          <thead>
            <tr>
              <th scope="col">{t('orgs.name')}</th>
              <th scope="col">{t('orgs.type')}</th>
              <th scope="col">{t('common.country')}</th>
              <th scope="col">{t('orgs.parent')}</th>
              <th scope="col">{t('orgs.aliases')}</th>
              <th scope="col">{t('orgs.iatiRef')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  {o.name}
                  {o.acronym && <span className="muted"> ({o.acronym})</span>}
                </th>
                <td>{label('orgType', o.type)}</td>
                <td>{countryName(o.country)}</td>
                <td>{o.parent_id ? (names.get(o.parent_id) ?? '—') : '—'}</td>
                <td>{o.aliases.length ? o.aliases.join(' · ') : '—'}</td>
                <td>{o.iati_ref ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <OrganisationDuplicates onChange={reload} />
    </div>
  );
}
