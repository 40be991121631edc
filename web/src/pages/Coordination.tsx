// Coordination views: the 3W matrix as a heat map (exportable to CSV and Excel), gaps per country
// and theme, the timeline (Gantt) per country, and the map of assistance.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get, withQuery } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { GapsResult, MapResult, MatrixResult, TimelineResult } from '../api/types.ts';
import { useUrlFilters } from '../api/url-filters';
import { EChart } from '../charts/EChart.tsx';
import { ensureWorldMap, WORLD_MAP } from '../charts/echarts.ts';
import { CountryFilter, ThemeFilter } from '../components/FilterSelects.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.tsx';

const VIEWS: { id: string; key: MessageKey }[] = [
  { id: 'matrix', key: 'coordination.matrix' },
  { id: 'gaps', key: 'coordination.gaps' },
  { id: 'timeline', key: 'coordination.timeline' },
  { id: 'map', key: 'coordination.map' },
];

function MatrixView({ filters }: { filters: Record<string, string> }) {
  const { t } = useI18n();
  const { countryName, themeLabel } = useReference();
  const session = useSession();
  // With a country chosen the columns are its themes; otherwise they are countries, and the server
  // gives organisation × country cells in which each project counts once, whatever its themes.
  const byTheme = Boolean(filters.country);
  const query = byTheme ? filters : { ...filters, dimensions: 'country' };
  const matrix = useLoad(
    () => get<MatrixResult>('/coordination/matrix', query),
    [JSON.stringify(query), session.me?.user_id],
  );
  const option = useMemo(() => {
    const counts = new Map<string, number>();
    for (const c of matrix.data?.cells ?? []) {
      const column = byTheme ? c.theme : c.country;
      if (!column) continue;
      counts.set(`${c.organisation}\u0000${column}`, c.projects);
    }
    const orgs = [...new Set([...counts.keys()].map((k) => k.split('\u0000')[0] ?? ''))].sort();
    const countries = [...new Set([...counts.keys()].map((k) => k.split('\u0000')[1] ?? ''))].sort();
    const columnName = (code: string) => (byTheme ? themeLabel(code) : countryName(code));
    const data = [...counts].map(([k, n]) => {
      const [o, c] = k.split('\u0000');
      return [countries.indexOf(c ?? ''), orgs.indexOf(o ?? ''), n];
    });
    return {
      height: orgs.length,
      option: {
        tooltip: {
          formatter: (p: { value: number[] }) =>
            `${orgs[p.value[1] ?? 0]} — ${columnName(countries[p.value[0] ?? 0] ?? '')}: ${p.value[2]}`,
        },
        grid: { left: 8, right: 16, top: 8, bottom: 60, containLabel: true },
        xAxis: { type: 'category' as const, data: countries.map(columnName), axisLabel: { rotate: 30 } },
        yAxis: {
          type: 'category' as const,
          data: orgs,
          axisLabel: { width: 220, overflow: 'truncate' as const },
        },
        visualMap: {
          min: 0,
          max: Math.max(1, ...data.map((d) => d[2] ?? 0)),
          orient: 'horizontal' as const,
          left: 'center',
          bottom: 0,
          inRange: { color: ['#e0ecff', '#08519c'] },
        },
        series: [{ type: 'heatmap' as const, data, label: { show: true } }],
      },
    };
  }, [matrix.data, countryName, themeLabel, byTheme]);
  return (
    <section className="card">
      <div className="actions no-print">
        <a
          className="button-link"
          href={`/api/v1${withQuery('/coordination/matrix', { ...query, format: 'csv' })}`}
        >
          {t('common.exportCsv')}
        </a>
        <a
          className="button-link"
          href={`/api/v1${withQuery('/coordination/matrix', { ...query, format: 'xlsx' })}`}
        >
          {t('common.exportExcel')}
        </a>
      </div>
      <p className="muted small">
        {filters.country ? t('coordination.matrixByTheme') : t('coordination.matrixByCountry')}
      </p>
      <ErrorMessage error={matrix.error} />
      {matrix.loading && <Loading />}
      {matrix.data && (
        <EChart
          option={option.option}
          height={Math.max(240, option.height * 28 + 120)}
          label={t('coordination.matrixLabel')}
        />
      )}
    </section>
  );
}

function GapsView({ filters }: { filters: Record<string, string> }) {
  const { t } = useI18n();
  const { countryName, themeLabel } = useReference();
  const session = useSession();
  const [by, setBy] = useState<'country' | 'region'>('country');
  const gaps = useLoad(
    () => get<GapsResult>('/coordination/gaps', { ...filters, by }),
    [JSON.stringify(filters), by, session.me?.user_id],
  );
  const option = useMemo(() => {
    const areas =
      by === 'country'
        ? (gaps.data?.countries ?? []).map((c) => ({ name: countryName(c.country), themes: c.themes }))
        : (gaps.data?.regions ?? []).map((r) => ({ name: r.region, themes: r.themes }));
    const themes = areas[0]?.themes.map((c) => c.theme) ?? [];
    const data = areas.flatMap((c, x) => c.themes.map((cell, y) => [x, y, cell.projects, cell.gap ?? '']));
    return {
      tooltip: {
        formatter: (p: { value: [number, number, number, string] }) =>
          `${areas[p.value[0]]?.name} — ${themeLabel(themes[p.value[1]] ?? '')}: ${p.value[2]}${p.value[3] ? ` (${p.value[3]})` : ''}`,
      },
      grid: { left: 8, right: 16, top: 8, bottom: 60, containLabel: true },
      xAxis: { type: 'category' as const, data: areas.map((a) => a.name) },
      yAxis: { type: 'category' as const, data: themes.map(themeLabel) },
      visualMap: {
        min: 0,
        max: Math.max(1, ...data.map((d) => Number(d[2]))),
        orient: 'horizontal' as const,
        left: 'center',
        bottom: 0,
        inRange: { color: ['#fde2e2', '#e0ecff', '#08519c'] },
      },
      series: [{ type: 'heatmap' as const, data, label: { show: true } }],
    };
  }, [gaps.data, by, countryName, themeLabel]);
  return (
    <section className="card">
      <p className="muted small">{t('coordination.gapsHint')}</p>
      <label>
        {t('coordination.gapsBy')}{' '}
        <select value={by} onChange={(e) => setBy(e.target.value as 'country' | 'region')}>
          <option value="country">{t('coordination.gapsByCountry')}</option>
          <option value="region">{t('coordination.gapsByRegion')}</option>
        </select>
      </label>
      <ErrorMessage error={gaps.error} />
      {gaps.loading && <Loading />}
      {gaps.data && <EChart option={option} height={720} label={t('coordination.gapsLabel')} />}
    </section>
  );
}

function TimelineView({ filters }: { filters: Record<string, string> }) {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const timeline = useLoad(
    () => get<TimelineResult>('/coordination/timeline', filters),
    [JSON.stringify(filters), session.me?.user_id],
  );
  return (
    <>
      <ErrorMessage error={timeline.error} />
      {timeline.loading && <Loading />}
      {timeline.data?.countries.map((c) => {
        const rows = c.projects.filter((p) => p.start || p.end);
        const now = new Date().toISOString().slice(0, 10);
        const data = rows.map((p, i) => [
          i,
          Date.parse(p.start ?? p.end ?? now),
          Date.parse(p.ongoing || !p.end ? now : p.end),
          p.id,
        ]);
        const option = {
          tooltip: { formatter: (p: { dataIndex: number }) => rows[p.dataIndex]?.title ?? '' },
          grid: { left: 8, right: 24, top: 8, bottom: 30, containLabel: true },
          xAxis: { type: 'time' as const },
          yAxis: {
            type: 'category' as const,
            data: rows.map((p) => p.title),
            inverse: true,
            axisLabel: { width: 260, overflow: 'truncate' as const },
          },
          series: [
            {
              type: 'custom' as const,
              encode: { x: [1, 2], y: 0 },
              data,
              renderItem: (
                _params: unknown,
                api: {
                  value(i: number): number;
                  coord(v: number[]): number[];
                  size(v: number[]): number[];
                  style(): object;
                },
              ) => {
                const start = api.coord([api.value(1), api.value(0)]);
                const end = api.coord([api.value(2), api.value(0)]);
                const h = (api.size([0, 1])[1] ?? 20) * 0.6;
                return {
                  type: 'rect',
                  shape: {
                    x: start[0],
                    y: (start[1] ?? 0) - h / 2,
                    width: Math.max(2, (end[0] ?? 0) - (start[0] ?? 0)),
                    height: h,
                  },
                  style: { fill: '#2b6cb0' },
                };
              },
            },
          ],
        };
        return (
          <section key={c.country} className="card">
            <h2>{c.name}</h2>
            <EChart
              option={option as never}
              height={Math.max(140, rows.length * 30 + 60)}
              label={t('coordination.timelineLabel', { country: c.name })}
              onClick={(p) => {
                const id = (p.data as unknown[] | undefined)?.[3];
                if (typeof id === 'string') navigate(`/projects/${id}`);
              }}
            />
          </section>
        );
      })}
    </>
  );
}

function MapView({ filters }: { filters: Record<string, string> }) {
  const { t, formatNumber } = useI18n();
  const { countryName } = useReference();
  const session = useSession();
  const navigate = useNavigate();
  const map = useLoad(
    () => get<MapResult>('/coordination/map', filters),
    [JSON.stringify(filters), session.me?.user_id],
  );
  ensureWorldMap();
  const rows = map.data?.countries ?? [];
  const option = {
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: { name: string }) => {
        const r = rows.find((x) => x.country === p.name);
        return `${countryName(p.name)}: ${r ? `${r.projects} · ${formatNumber(Math.round(r.budget))} ${map.data?.currency}` : 0}`;
      },
    },
    visualMap: {
      min: 0,
      max: Math.max(1, ...rows.map((r) => r.projects)),
      left: 'left',
      bottom: 0,
      inRange: { color: ['#dbe9f6', '#08519c'] },
    },
    series: [
      {
        type: 'map' as const,
        map: WORLD_MAP,
        roam: true,
        itemStyle: { areaColor: '#eef1f4', borderColor: '#9aa5b1', borderWidth: 0.5 },
        data: rows.map((r) => ({ name: r.country, value: r.projects })),
      },
    ],
  };
  return (
    <section className="card">
      <ErrorMessage error={map.error} />
      {map.loading && <Loading />}
      {map.data && (
        <EChart
          option={option}
          height={460}
          label={t('home.mapLabel', {
            list: rows.map((r) => `${countryName(r.country)} ${r.projects}`).join(', '),
          })}
          onClick={(p) => p.name && navigate(`/countries/${p.name}`)}
        />
      )}
      <p className="muted small">{t('coordination.mapHint')}</p>
    </section>
  );
}

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
