// Review marks across the portfolio, by donor, country, theme or year: one scale at a time, since
// marks on different scales are never averaged or stacked together.
import { useState } from 'react';
import { get, withQuery } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import type { ScorePortfolio } from '../api/types.ts';
import { ChartAndTable } from '../charts/ChartAndTable.tsx';
import { ChoiceSelect } from '../charts/GroupBy.tsx';
import { useI18n } from '../i18n/index.tsx';

const BY = ['donor', 'country', 'theme', 'year'] as const;
const KINDS = ['programme', 'outcome', 'output'] as const;
const SCALES = ['uk_annual_review', 'cssf_numeric', 'six_point'] as const;

export function ScoresPortfolioPage() {
  const { t, formatNumber } = useI18n();
  const [by, setBy] = useState<(typeof BY)[number]>('donor');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('programme');
  const [scale, setScale] = useState<(typeof SCALES)[number]>('uk_annual_review');
  const query = { by, kind, scale };
  const portfolio = useLoad(() => get<ScorePortfolio>('/scores/portfolio', query), [by, kind, scale]);
  const rows = (portfolio.data?.groups ?? []).flatMap((g) =>
    g.scales.filter((s) => s.scale === scale).map((s) => ({ group: g, scale: s })),
  );
  // The scale's marks seen, best first, each one series of the stacked bars.
  const marks = [...new Map(rows.flatMap((r) => r.scale.marks.map((m) => [m.mark, m.value ?? 0]))).entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([mark]) => mark);
  const name = (g: { key: string | null; label: string | null }) => g.label ?? g.key ?? '—';
  const option = {
    tooltip: { trigger: 'axis' as const },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value' as const, minInterval: 1 },
    yAxis: {
      type: 'category' as const,
      data: rows.map((r) => name(r.group)),
      axisLabel: { width: 200, overflow: 'truncate' as const },
    },
    series: marks.map((mark) => ({
      name: mark,
      type: 'bar' as const,
      stack: 'marks',
      data: rows.map((r) => r.scale.marks.find((m) => m.mark === mark)?.count ?? 0),
    })),
  };
  return (
    <section>
      <h1>{t('scores.title')}</h1>
      <p className="muted">{t('scores.oneScale')}</p>
      <div className="filters">
        <ChoiceSelect label="scores.by" value={by} options={BY} messages="scores" onChange={setBy} />
        <ChoiceSelect label="scores.kind" value={kind} options={KINDS} messages="scores" onChange={setKind} />
        <ChoiceSelect
          label="scores.scale"
          value={scale}
          options={SCALES}
          messages="scores"
          onChange={setScale}
        />
        <a href={withQuery('/api/v1/scores/portfolio', { ...query, format: 'csv' })}>
          {t('common.exportCsv')}
        </a>
      </div>
      <ChartAndTable
        loaded={portfolio}
        option={option}
        label={t('scores.title')}
        height={Math.max(200, rows.length * 36 + 60)}
        columns={[t(`scores.${by}`), t('scores.reviews'), t('scores.mean'), t('scores.marks')]}
        rows={rows.map((r) => [
          r.group.key ?? '',
          [
            name(r.group),
            formatNumber(r.scale.count),
            r.scale.mean_value === null ? '—' : formatNumber(r.scale.mean_value),
            r.scale.marks.map((m) => `${m.mark}: ${m.count}`).join(' · '),
          ],
        ])}
      />
    </section>
  );
}
