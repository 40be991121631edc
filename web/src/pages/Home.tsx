// Dashboard: what is in the registry (projects by country on the world map, by theme, by donor),
// what changed recently, and the signed-in organisation's open and overdue recommendations.
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { getAll } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { Project, Recommendation } from '../api/types.ts';
import { EChart } from '../charts/EChart.tsx';
import { ensureWorldMap, WORLD_MAP } from '../charts/echarts.ts';
import { RecommendationList } from '../components/RecommendationList.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/index.tsx';

function countBy<T>(items: T[], keys: (item: T) => string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) for (const k of new Set(keys(item))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

export function HomePage() {
  const { t, formatNumber, formatDateTime } = useI18n();
  const { countryName, themeLabel } = useReference();
  const session = useSession();
  const navigate = useNavigate();
  const projects = useLoad(() => getAll<Project>('/projects'), [session.me?.user_id]);
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
      : null,
    [orgIds.join()],
  );

  const stats = useMemo(() => {
    const list = projects.data ?? [];
    return {
      byCountry: countBy(list, (p) => p.countries.map((c) => c.code)),
      byTheme: countBy(list, (p) => p.themes),
      byDonor: countBy(list, (p) => p.participants.filter((x) => x.role === 'funder').map((x) => x.name)),
      recent: [...list].sort((a, b) => b.updated_at.localeCompare(a.updated_at)).slice(0, 8),
    };
  }, [projects.data]);

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

  const barOption = (rows: [string, number][], label: (k: string) => string) => {
    const top = rows.slice(0, 12).reverse();
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' as const },
      xAxis: { type: 'value' as const, minInterval: 1 },
      yAxis: {
        type: 'category' as const,
        data: top.map(([k]) => label(k)),
        axisLabel: { width: 180, overflow: 'truncate' as const },
      },
      series: [{ type: 'bar' as const, data: top.map(([, n]) => n), itemStyle: { color: '#2b6cb0' } }],
    };
  };

  return (
    <div className="page">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <ErrorMessage error={projects.error} />
      {projects.loading && <Loading />}
      {projects.data && (
        <>
          <ul className="stats" aria-label={t('home.inNumbers')}>
            <li>
              <strong>{formatNumber(projects.data.length)}</strong> {t('home.statProjects')}
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
              onClick={(p) => p.name && navigate(`/projects?country=${p.name}`)}
            />
            <p className="muted small">{t('home.mapHint')}</p>
          </section>
          <div className="grid-2">
            <section className="card">
              <h2>{t('home.byTheme')}</h2>
              <EChart
                option={barOption(stats.byTheme, themeLabel)}
                label={stats.byTheme.map(([k, n]) => `${themeLabel(k)} ${n}`).join(', ')}
              />
            </section>
            <section className="card">
              <h2>{t('home.byDonor')}</h2>
              <EChart
                option={barOption(stats.byDonor, (k) => k)}
                label={stats.byDonor.map(([k, n]) => `${k} ${n}`).join(', ')}
              />
            </section>
          </div>
          <div className="grid-2">
            <section className="card">
              <h2>{t('home.recent')}</h2>
              <ul className="plain-list">
                {stats.recent.map((p) => (
                  <li key={p.id}>
                    <Link to={`/projects/${p.id}`}>{p.title}</Link>
                    <span className="muted small">
                      {' '}
                      · {p.owner_org.name} · {formatDateTime(p.updated_at)}
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
