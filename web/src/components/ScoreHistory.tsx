// A project's review scores over time: the chart (UK marks and numeric scales on their own axes)
// and the table of periods beside it.
import type { Review } from '../api/types.ts';
import { EChart } from '../charts/EChart.tsx';
import { numericScoreValue, UK_TICKS, ukScoreValue } from '../charts/scores.ts';
import { useI18n } from '../i18n/index.tsx';
import { useVocabulary } from './Tags.tsx';

export function ScoreHistory({ reviews }: { reviews: Review[] }) {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  const ordered = [...reviews].sort((a, b) =>
    (a.period_start ?? a.period_label ?? '').localeCompare(b.period_start ?? b.period_label ?? ''),
  );
  const periods = ordered.map((r) => r.period_label ?? r.period_start ?? '?');
  const uk = (pick: (r: Review) => string | null) =>
    ordered.map((r) => (r.scale === 'uk_annual_review' || !r.scale ? ukScoreValue(pick(r)) : null));
  const numeric = ordered.map((r) =>
    r.scale === 'cssf_numeric' ? numericScoreValue(r.overall_score) : null,
  );
  const tickLabel = new Map(UK_TICKS);
  const option = {
    tooltip: {
      trigger: 'axis' as const,
      formatter: (items: { dataIndex: number; seriesName: string }[]) => {
        const r = ordered[items[0]?.dataIndex ?? 0];
        if (!r) return '';
        return [
          `<strong>${periods[items[0]?.dataIndex ?? 0]}</strong>`,
          `${t('project.overallScore')}: ${r.overall_score ?? '—'}`,
          `${t('project.outcomeScore')}: ${r.outcome_score ?? '—'}`,
          `${t('project.risk')}: ${vocabulary.risk(r.risk_rating)}`,
        ].join('<br/>');
      },
    },
    legend: { bottom: 0 },
    grid: { left: 48, right: 48, top: 16, bottom: 48 },
    xAxis: { type: 'category' as const, data: periods },
    yAxis: [
      {
        type: 'value' as const,
        min: 1,
        max: 5,
        interval: 1,
        axisLabel: { formatter: (v: number) => tickLabel.get(v) ?? '' },
      },
      { type: 'value' as const, min: 1, max: 4, interval: 1, show: numeric.some((n) => n !== null) },
    ],
    series: [
      {
        name: t('project.overallScore'),
        type: 'line' as const,
        data: uk((r) => r.overall_score),
        connectNulls: true,
        symbolSize: 10,
      },
      {
        name: t('project.outcomeScore'),
        type: 'line' as const,
        data: uk((r) => r.outcome_score),
        connectNulls: true,
        symbolSize: 8,
        lineStyle: { type: 'dashed' as const },
      },
      ...(numeric.some((n) => n !== null)
        ? [
            {
              name: t('project.cssfScore'),
              type: 'line' as const,
              yAxisIndex: 1,
              data: numeric,
              connectNulls: true,
            },
          ]
        : []),
    ],
  };
  return (
    <>
      <EChart
        option={option}
        height={260}
        label={t('project.scoreChartLabel', {
          list: ordered.map((r) => `${r.period_label ?? ''} ${r.overall_score ?? '—'}`).join(', '),
        })}
      />
      <table className="table">
        <caption className="visually-hidden">{t('project.scoreHistory')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('project.period')}</th>
            <th scope="col">{t('project.overallScore')}</th>
            <th scope="col">{t('project.outcomeScore')}</th>
            <th scope="col">{t('project.risk')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((r) => (
            <tr key={r.id}>
              <td>{r.period_label ?? r.period_start}</td>
              <td>{r.overall_score ?? '—'}</td>
              <td>{r.outcome_score ?? '—'}</td>
              <td>{vocabulary.risk(r.risk_rating)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
