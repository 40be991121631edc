// Gaps: active projects per country (or region) and theme across every country the registry holds
// a project in, the countries sorted by name in the interface language; a cell with no active
// project is a gap and drawn as one, with a legend that says so and the numbers as a table.
import { useMemo, useState } from 'react';
import { get } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { useReference } from '../../api/reference.tsx';
import { useSession } from '../../api/session.tsx';
import type { GapsResult } from '../../api/types.ts';
import { EChart } from '../../charts/EChart.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { HeatTable } from './HeatTable.tsx';
import { countPieces, GAP_COLOUR, heatGridOption, Legend, type Piece, useCollator } from './scale.tsx';

export function GapsView({ filters }: { filters: Record<string, string> }) {
  const { t, formatNumber } = useI18n();
  const { countryName, themeLabel } = useReference();
  const collator = useCollator();
  const session = useSession();
  const [by, setBy] = useState<'country' | 'region'>('country');
  const gaps = useLoad(
    () => get<GapsResult>('/coordination/gaps', { ...filters, by }),
    [JSON.stringify(filters), by, session.me?.user_id],
  );
  const view = useMemo(() => {
    const areas = (
      by === 'country'
        ? (gaps.data?.countries ?? []).map((c) => ({
            key: c.country,
            label: countryName(c.country),
            themes: c.themes,
          }))
        : (gaps.data?.regions ?? []).map((r) => ({ key: r.region, label: r.region, themes: r.themes }))
    ).sort((a, b) => collator.compare(a.label, b.label));
    // Themes in the vocabulary's order, as the server gives them.
    const themes = (areas[0]?.themes ?? []).map((c) => ({ key: c.theme, label: themeLabel(c.theme) }));
    const counts = new Map(
      areas.flatMap((a) => a.themes.map((c) => [`${c.theme}\u0000${a.key}`, c.projects] as const)),
    );
    const max = Math.max(0, ...counts.values());
    const gap: Piece = {
      min: 0,
      max: 0,
      color: GAP_COLOUR,
      label: `${formatNumber(0)}: ${t('coordination.gapNone')}`,
    };
    const pieces = countPieces(max, formatNumber);
    // One active project is "little" (the server's rule); its colour is the lightest count's.
    if (pieces[0])
      pieces[0] = { ...pieces[0], label: `${pieces[0].label} (${t('coordination.gapLittleWord')})` };
    return { areas, themes, counts, pieces, legend: [gap, ...pieces] };
  }, [gaps.data, by, countryName, themeLabel, collator, formatNumber, t]);

  const option = useMemo(() => {
    const { areas, themes, counts, legend } = view;
    const data = areas.flatMap((a, x) =>
      themes.map((theme, y) => [x, y, counts.get(`${theme.key}\u0000${a.key}`) ?? 0]),
    );
    return heatGridOption({
      columns: areas.map((a) => a.label),
      rows: themes.map((x) => x.label),
      pieces: legend,
      data,
      rowLabelWidth: 220,
      tooltip: (p) =>
        `${areas[p.value[0]]?.label} — ${themes[p.value[1]]?.label}: ${formatNumber(p.value[2])}${p.value[2] === 0 ? ` (${t('coordination.gapNone')})` : ''}`,
    });
  }, [view, formatNumber, t]);

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
      {gaps.data && (
        <>
          <Legend title={t('coordination.legendActive')} pieces={view.legend} />
          <EChart
            option={option}
            height={Math.max(320, view.themes.length * 30 + 140)}
            label={t('coordination.gapsLabel')}
          />
          <HeatTable
            caption={t('coordination.gapsTable')}
            corner={t('common.theme')}
            rows={view.themes}
            columns={view.areas}
            value={(theme, area) => view.counts.get(`${theme}\u0000${area}`)}
            pieces={view.pieces}
            mark={(v) => (v === 0 ? { text: t('coordination.gapNone'), color: GAP_COLOUR } : undefined)}
            format={formatNumber}
          />
        </>
      )}
    </section>
  );
}
