// The map of assistance: projects per country on a world map that opens on the countries with
// data, with a legend of numbers and, beside it, the same countries as a list sorted by name in
// the interface language, each a link to its country brief (the map's keyboard equivalent).
import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { useReference } from '../../api/reference.tsx';
import { useSession } from '../../api/session.tsx';
import type { MapResult } from '../../api/types.ts';
import { EChart } from '../../charts/EChart.tsx';
import { viewOf, WORLD_MAP } from '../../charts/echarts.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { colourOf, countPieces, Legend, useCollator, useProjectsWord } from './scale.tsx';

export function MapView({ filters }: { filters: Record<string, string> }) {
  const { t, formatNumber, formatMoney } = useI18n();
  const { countryName } = useReference();
  const collator = useCollator();
  const session = useSession();
  const navigate = useNavigate();
  const map = useLoad(
    () => get<MapResult>('/coordination/map', filters),
    [JSON.stringify(filters), session.me?.user_id],
  );
  const view = useMemo(() => {
    const rows = (map.data?.countries ?? [])
      .map((r) => ({ ...r, label: countryName(r.country) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    const pieces = countPieces(Math.max(0, ...rows.map((r) => r.projects)), formatNumber);
    return { rows, pieces, ...viewOf(rows.map((r) => r.country)) };
  }, [map.data, countryName, collator, formatNumber]);
  const currency = map.data?.currency ?? 'USD';
  const budgetOf = useCallback(
    (r: { budget: number; budgeted: number }) => (r.budgeted > 0 ? formatMoney(r.budget, currency) : '—'),
    [formatMoney, currency],
  );
  const projectsWord = useProjectsWord();

  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'item' as const,
        formatter: (p: { name: string }) => {
          const r = view.rows.find((x) => x.country === p.name);
          return `${countryName(p.name)}: ${r ? `${projectsWord(r.projects)} · ${budgetOf(r)}` : projectsWord(0)}`;
        },
      },
      visualMap: { type: 'piecewise' as const, show: false, pieces: view.pieces },
      series: [
        {
          type: 'map' as const,
          map: WORLD_MAP,
          roam: true,
          center: view.center,
          zoom: view.zoom,
          itemStyle: { areaColor: '#eef1f4', borderColor: '#9aa5b1', borderWidth: 0.5 },
          data: view.rows.map((r) => ({ name: r.country, value: r.projects })),
        },
      ],
    }),
    [view, countryName, projectsWord, budgetOf],
  );
  return (
    <section className="card">
      <ErrorMessage error={map.error} />
      {map.loading && <Loading />}
      {map.data && (
        <div className="map-with-list">
          <div>
            <Legend title={t('coordination.legendPerCountry')} pieces={view.pieces} />
            <EChart
              option={option}
              height={460}
              label={t('home.mapLabel', {
                list: view.rows.map((r) => `${r.label} ${formatNumber(r.projects)}`).join(', '),
              })}
              onClick={(p) => p.name && navigate(`/countries/${p.name}`)}
            />
            <p className="muted small">{t('coordination.mapHint')}</p>
          </div>
          <nav aria-label={t('coordination.mapList')}>
            <ul className="map-list">
              {view.rows.map((r) => (
                <li key={r.country}>
                  <span
                    className="swatch"
                    style={{ background: colourOf(view.pieces, r.projects) }}
                    aria-hidden="true"
                  />
                  <Link to={`/countries/${r.country}`}>{r.label}</Link>{' '}
                  <span className="muted small">
                    {projectsWord(r.projects)} · {budgetOf(r)}
                  </span>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      )}
    </section>
  );
}
