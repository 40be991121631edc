// "Who else works here": projects that overlap a project or an unsaved draft, ranked, each with the
// reasons (shared countries and regions, themes, purpose codes, institutions, dates, similar wording).
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import type { Overlap } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { ErrorMessage, Loading } from './Status.tsx';
import { Badge, useVocabulary } from './Tags.tsx';

export interface OverlapQuery {
  project_id?: string;
  title?: string;
  description?: string;
  countries?: string[];
  themes?: string[];
  partners?: string[];
  start?: string;
  end?: string;
}

export function WhoElse({ query }: { query: OverlapQuery }) {
  const { t, formatDate, formatNumber } = useI18n();
  const vocabulary = useVocabulary();
  const { countryName, themeLabel } = useReference();
  const key = JSON.stringify(query);
  const overlaps = useLoad(
    () => api<{ items: Overlap[] }>('POST', '/coordination/overlaps', { ...query, limit: 10 }),
    [key],
  );
  return (
    <section className="card" aria-labelledby="who-else-h">
      <h2 id="who-else-h">{t('project.whoElse')}</h2>
      <ErrorMessage error={overlaps.error} />
      {overlaps.loading && <Loading />}
      {overlaps.data?.items.length === 0 && <p className="muted">{t('project.whoElseNone')}</p>}
      <ol className="card-list who-else">
        {overlaps.data?.items.map((o) => (
          <li key={o.project.id}>
            <Link to={`/projects/${o.project.id}`}>{o.project.title}</Link>{' '}
            {o.likely_duplicate && <Badge tone="warn">{t('whoElse.duplicate')}</Badge>}{' '}
            <span className="muted small">
              {[
                o.project.iati_identifier ?? o.project.code,
                [
                  ...o.project.countries.map((c) => countryName(c.code)),
                  ...o.project.regions.map(vocabulary.region),
                ].join(', '),
                `${formatDate(o.project.start)} – ${formatDate(o.project.end)}`,
                o.project.donors.map((d) => d.name).join(', '),
              ]
                .filter(Boolean)
                .join(' · ')}{' '}
              · {t('whoElse.score', { score: formatNumber(Math.round(o.score * 10) / 10) })}
            </span>
            <ul className="reasons small">
              {o.reasons.countries.length > 0 && (
                <li>
                  {t('whoElse.countries')}: {o.reasons.countries.map((c) => countryName(c.code)).join(', ')}
                </li>
              )}
              {o.reasons.regions.length > 0 && (
                <li>
                  {t('whoElse.regions')}:{' '}
                  {o.reasons.regions
                    .map((g) =>
                      g.countries.length
                        ? `${vocabulary.region(g.name)} (${g.countries.map(countryName).join(', ')})`
                        : vocabulary.region(g.name),
                    )
                    .join(', ')}
                </li>
              )}
              {o.reasons.themes.length > 0 && (
                <li>
                  {t('whoElse.themes')}: {o.reasons.themes.map((c) => themeLabel(c.code)).join(', ')}
                </li>
              )}
              {o.reasons.dac_codes.length > 0 && (
                <li>
                  {t('whoElse.dac')}:{' '}
                  {o.reasons.dac_codes.map((c) => `${c.code} ${vocabulary.dac(c.code, c.name)}`).join(', ')}
                </li>
              )}
              {o.reasons.institutions.length > 0 && (
                <li>
                  {t('whoElse.institutions')}: {o.reasons.institutions.map((c) => c.name).join(', ')}
                </li>
              )}
              {o.reasons.dates && (
                <li>
                  {t('whoElse.dates', {
                    start: formatDate(o.reasons.dates.start),
                    end: formatDate(o.reasons.dates.end),
                  })}
                </li>
              )}
              {o.reasons.text && o.reasons.text.phrases.length > 0 && (
                <li>
                  {t('whoElse.text')}: “{o.reasons.text.phrases.join('”, “')}”
                </li>
              )}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
