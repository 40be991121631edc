// A country brief in the app: active assistance by theme and donor (charts and tables), where
// active projects overlap, gaps and concentration, open recommendations and recurring lessons,
// with the printable page one click away.
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { CountryBrief } from '../api/types.ts';
import { countBars } from '../charts/bars.ts';
import { EChart } from '../charts/EChart.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { Badge, ThemeChips, useEnumLabel } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';

const CURRENCIES = ['USD', 'EUR', 'GBP'];

function ProjectLink({ id, title }: { id: string | null; title: string | null }) {
  if (!title) return <>—</>;
  return id ? <Link to={`/projects/${id}`}>{title}</Link> : <>{title}</>;
}

/** A card with a heading and a list, or "None recorded." when the list is empty. */
function ListSection<T>({
  id,
  title,
  items,
  keyOf,
  render,
}: {
  id: string;
  title: string;
  items: T[];
  keyOf(item: T): string;
  render(item: T): ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {items.length === 0 && <p className="muted">{t('common.none')}</p>}
      <ul className="plain-list">
        {items.map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </ul>
    </section>
  );
}

export function CountryBriefPage() {
  const { code = '' } = useParams();
  const country = code.toUpperCase();
  const { t, lang, formatDate, formatMoney, formatNumber } = useI18n();
  const { countryName, themeLabel } = useReference();
  const label = useEnumLabel();
  const session = useSession();
  const [currency, setCurrency] = useState('USD');
  const brief = useLoad(
    () => get<CountryBrief>(`/countries/${country}/brief`, { currency }),
    [country, currency, session.me?.user_id],
  );
  const name = countryName(country);
  const b = brief.data;
  // The same as the printed brief: "—" where no budget is recorded, a figure (even 0) where one is.
  const money = (n: number | null) => (n === null ? '—' : formatMoney(n, currency));
  const byTheme = (b?.active.by_theme ?? []).map((x): [string, number] => [x.theme, x.projects]);
  const byDonor = (b?.active.by_donor ?? []).map((x): [string, number] => [x.name, x.projects]);

  return (
    <article className="page">
      <p className="muted small">
        <Link to={`/coordination?country=${country}`}>{t('coordination.title')}</Link> /{' '}
        {t('coordination.brief')}
      </p>
      <h1>{t('brief.title', { country: name })}</h1>
      <p className="lead">{t('brief.lead', { country: name })}</p>
      <div className="actions no-print">
        <a
          className="button-link"
          href={`/api/v1/countries/${country}/brief?format=html&currency=${currency}&lang=${lang}`}
          target="_blank"
          rel="noreferrer"
        >
          {t('brief.printable')}
        </a>
        <Link to={`/projects?country=${country}`}>{t('brief.projectsIn', { country: name })}</Link>
        <Link to={`/coordination?country=${country}&view=gaps`}>{t('brief.coordinationIn')}</Link>
        <label>
          {t('brief.currency')}{' '}
          <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={brief.error} />
      {brief.loading && <Loading />}
      {b && (
        <>
          <ul className="stats" aria-label={t('brief.title', { country: name })}>
            <li>
              <strong>{formatNumber(b.active.projects.length)}</strong>{' '}
              {t('brief.activeProjects', { n: b.active.projects.length })}
            </li>
            <li>
              <strong>{formatNumber(b.active.by_donor.length)}</strong>{' '}
              {t('brief.donors', { n: b.active.by_donor.length })}
            </li>
            <li>
              <strong>{money(b.active.budget)}</strong> {t('brief.budget')}
            </li>
          </ul>
          {b.active.projects.length === 0 && <p className="muted">{t('brief.noActive')}</p>}
          <div className="grid-2">
            <section className="card" aria-labelledby="by-theme-h">
              <h2 id="by-theme-h">{t('brief.byTheme')}</h2>
              <EChart
                option={countBars(byTheme, themeLabel)}
                height={Math.max(160, byTheme.length * 28 + 40)}
                label={t('brief.themeChart', {
                  country: name,
                  list: byTheme.map(([k, n]) => `${themeLabel(k)} ${n}`).join(', '),
                })}
              />
            </section>
            <section className="card" aria-labelledby="by-donor-h">
              <h2 id="by-donor-h">{t('brief.byDonor')}</h2>
              <EChart
                option={countBars(byDonor, (k) => k)}
                height={Math.max(160, byDonor.length * 28 + 40)}
                label={t('brief.donorChart', {
                  country: name,
                  list: byDonor.map(([k, n]) => `${k} ${n}`).join(', '),
                })}
              />
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('brief.donor')}</th>
                    <th scope="col">{t('brief.count')}</th>
                    <th scope="col">{t('brief.budget')}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.active.by_donor.map((d) => (
                    <tr key={d.org_id}>
                      <td>{d.name}</td>
                      <td>{formatNumber(d.projects)}</td>
                      <td>{money(d.budget)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
          <section className="card" aria-labelledby="projects-h">
            <h2 id="projects-h">{t('brief.projects')}</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('brief.project')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('brief.period')}</th>
                  <th scope="col">{t('common.theme')}</th>
                  <th scope="col">{t('brief.donorsColumn')}</th>
                  <th scope="col">{t('brief.budget')}</th>
                </tr>
              </thead>
              <tbody>
                {b.active.projects.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <ProjectLink id={p.id} title={p.title} />
                    </td>
                    <td>{label('projectStatus', p.status)}</td>
                    <td>
                      {formatDate(p.start)} – {p.ongoing ? t('project.ongoing') : formatDate(p.end)}
                    </td>
                    <td className="chips">
                      <ThemeChips slugs={p.themes} />
                    </td>
                    <td>{p.donors.map((d) => d.name).join(', ')}</td>
                    <td>{money(p.budget)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <ListSection
            id="overlaps"
            title={t('brief.overlaps')}
            items={b.overlaps}
            keyOf={(o) => `${o.a.id}/${o.b.id}`}
            render={(o) => (
              <>
                <ProjectLink id={o.a.id} title={o.a.title} /> ↔ <ProjectLink id={o.b.id} title={o.b.title} />
                <span className="muted small">
                  {' '}
                  · {t('brief.sharedThemes')}: {o.themes.map(themeLabel).join(', ')}
                </span>
              </>
            )}
          />
          <div className="grid-2">
            <section className="card" aria-labelledby="gaps-h">
              <h2 id="gaps-h">{t('brief.gaps')}</h2>
              <p className="muted small">{t('brief.gapsHint')}</p>
              <ul className="chips plain-list">
                {b.gaps.map((g) => (
                  <li key={g.theme}>
                    <Badge tone={g.gap === 'none' ? 'danger' : 'warn'}>
                      {themeLabel(g.theme)}: {g.gap === 'none' ? t('brief.gapNone') : t('brief.gapLittle')}
                    </Badge>
                  </li>
                ))}
              </ul>
            </section>
            <section className="card" aria-labelledby="concentration-h">
              <h2 id="concentration-h">{t('brief.concentration')}</h2>
              <p className="muted small">{t('brief.hhiHint')}</p>
              {b.concentration.length === 0 ? (
                <p className="muted">{t('common.none')}</p>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('common.theme')}</th>
                      <th scope="col">{t('brief.count')}</th>
                      <th scope="col">{t('brief.donorsColumn')}</th>
                      <th scope="col">{t('brief.hhi')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.concentration.map((c) => (
                      <tr key={c.theme}>
                        <td>{themeLabel(c.theme)}</td>
                        <td>{formatNumber(c.projects)}</td>
                        <td>{formatNumber(c.donors)}</td>
                        <td>{c.hhi === null ? '—' : formatNumber(c.hhi)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
          <ListSection
            id="recommendations"
            title={t('brief.recommendations')}
            items={b.open_recommendations}
            keyOf={(r) => r.id}
            render={(r) => (
              <>
                {r.text}
                <span className="muted small">
                  {' '}
                  · <ProjectLink id={r.project_id} title={r.project_title} /> · {label('recStatus', r.status)}
                  {r.next_due && ` · ${t('brief.nextDue')}: ${formatDate(r.next_due)}`}
                </span>
              </>
            )}
          />
          <ListSection
            id="lessons"
            title={t('brief.lessons')}
            items={b.recurring_lessons}
            keyOf={(l) => l.id}
            render={(l) => (
              <>
                {l.text}
                <span className="muted small">
                  {' '}
                  · <ProjectLink id={l.project_id} title={l.project_title} /> · {t('brief.recursIn')}:{' '}
                  {formatNumber(l.recurs_in)}
                </span>
              </>
            )}
          />
        </>
      )}
    </article>
  );
}
