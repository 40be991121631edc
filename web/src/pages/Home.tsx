// Dashboard: what is in the registry (projects by country on the world map, by theme, by donor),
// what changed recently, and the signed-in organisation's open and overdue recommendations.
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { get, getAll } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { Recommendation, RegistrySummary } from '../api/types.ts';
import { countBars } from '../charts/bars.ts';
import { EChart } from '../charts/EChart.tsx';
import { ensureWorldMap, WORLD_MAP } from '../charts/echarts.ts';
import { RecommendationList } from '../components/RecommendationList.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/index.tsx';

export function HomePage() {
  const { t, formatNumber, formatDateTime } = useI18n();
  const { countryName, themeLabel } = useReference();
  const session = useSession();
  const [picked, setPicked] = useState<string>();
  // Counted by the server, so the figures are exact however many projects the registry holds.
  const summary = useLoad(() => get<RegistrySummary>('/coordination/summary'), [session.me?.user_id]);
  const orgIds = session.orgs.map((o) => o.id);
  const recommendations = useLoad(
    orgIds.length
      ? async () =>
          (
            await Promise.all(
              orgIds.map((id) => getAll<Recommendation>('/recommendations', { owner_org_id: id })),
            )
          )
            .flat()
            .filter((r) => r.status !== 'closed')
            // Each list comes overdue-first from the server; merging several organisations' lists
            // must keep that order across them (a stable sort keeps the server's order within).
            .sort((a, b) => Number(b.overdue) - Number(a.overdue))
      : null,
    [orgIds.join()],
  );

  const stats = useMemo(() => {
    const s = summary.data;
    return {
      byCountry: (s?.countries ?? []).map((c): [string, number] => [c.country, c.projects]),
      byTheme: (s?.themes ?? []).map((c): [string, number] => [c.theme, c.projects]),
      byDonor: (s?.donors ?? []).map((c): [string, number] => [c.name, c.projects]),
    };
  }, [summary.data]);

  ensureWorldMap();
  const mapOption = useMemo(() => {
    const max = Math.max(1, ...stats.byCountry.map(([, n]) => n));
    return {
      tooltip: {
        trigger: 'item' as const,
        formatter: (p: { name: string; value: number }) =>
          `${countryName(p.name)}: ${Number.isFinite(p.value) ? p.value : 0}`,
      },
      visualMap: {
        min: 0,
        max,
        left: 'left',
        bottom: 0,
        text: [String(max), '0'],
        calculable: false,
        inRange: { color: ['#dbe9f6', '#08519c'] },
      },
      series: [
        {
          type: 'map' as const,
          map: WORLD_MAP,
          roam: true,
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#f4a259' } },
          itemStyle: { areaColor: '#eef1f4', borderColor: '#9aa5b1', borderWidth: 0.5 },
          data: stats.byCountry.map(([code, n]) => ({ name: code, value: n })),
        },
      ],
    };
  }, [stats.byCountry, countryName]);
  const pickedCount = stats.byCountry.find(([c]) => c === picked)?.[1] ?? 0;

  return (
    <div className="page">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <ErrorMessage error={summary.error} />
      {summary.loading && <Loading />}
      {summary.data && (
        <>
          <ul className="stats" aria-label={t('home.inNumbers')}>
            <li>
              <strong>{formatNumber(summary.data.projects)}</strong> {t('home.statProjects')}
            </li>
            <li>
              <strong>{formatNumber(summary.data.active)}</strong> {t('home.statActive')}
            </li>
            <li>
              <strong>{formatNumber(stats.byCountry.length)}</strong> {t('home.statCountries')}
            </li>
            <li>
              <strong>{formatNumber(stats.byDonor.length)}</strong> {t('home.statDonors')}
            </li>
          </ul>
          <section className="card">
            <h2>{t('home.byCountry')}</h2>
            <EChart
              option={mapOption}
              height={380}
              label={t('home.mapLabel', {
                list: stats.byCountry.map(([c, n]) => `${countryName(c)} ${n}`).join(', '),
              })}
              onClick={(p) => p.name && setPicked(p.name)}
            />
            {picked && (
              <p className="actions" aria-live="polite">
                <strong>
                  {t('home.countryPicked', { country: countryName(picked), count: pickedCount })}
                </strong>
                <Link to={`/projects?country=${picked}`}>{t('home.listProjects')}</Link>
                <Link to={`/countries/${picked}`}>
                  {t('coordination.briefFor', { country: countryName(picked) })}
                </Link>
              </p>
            )}
            <p className="muted small">{t('home.mapHint')}</p>
          </section>
          <div className="grid-2">
            <section className="card">
              <h2>{t('home.byTheme')}</h2>
              <EChart
                option={countBars(stats.byTheme, themeLabel)}
                label={stats.byTheme.map(([k, n]) => `${themeLabel(k)} ${n}`).join(', ')}
              />
            </section>
            <section className="card">
              <h2>{t('home.byDonor')}</h2>
              <EChart
                option={countBars(stats.byDonor, (k) => k)}
                label={stats.byDonor.map(([k, n]) => `${k} ${n}`).join(', ')}
              />
            </section>
          </div>
          <div className="grid-2">
            <section className="card">
              <h2>{t('home.recent')}</h2>
              <ul className="plain-list">
                {summary.data.recent.map((p) => (
                  <li key={p.id}>
                    <Link to={`/projects/${p.id}`}>{p.title}</Link>
                    <span className="muted small">
                      {' '}
                      · {p.owner_name} · {formatDateTime(p.updated_at)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
            <section className="card">
              <h2>{t('home.myRecommendations')}</h2>
              {!session.signedIn && (
                <p className="muted">
                  <Link to="/sign-in">{t('nav.signIn')}</Link> — {t('home.signInForRecommendations')}
                </p>
              )}
              <ErrorMessage error={recommendations.error} />
              {recommendations.loading && <Loading />}
              {recommendations.data && (
                <>
                  <p>
                    {t('home.recommendationCounts', {
                      open: recommendations.data.length,
                      overdue: recommendations.data.filter((r) => r.overdue).length,
                    })}{' '}
                    <Link to="/recommendations?mine=1">{t('home.openRegister')}</Link>
                  </p>
                  <RecommendationList items={recommendations.data.slice(0, 6)} compact />
                </>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
