// How far the recommendations matching the register's filters are implemented, by organisation,
// year or theme: the share with every key action completed and the share validated by their owner,
// as a chart, a table and a CSV download of the same numbers.
import { get, withQuery } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import type { ImplementationRate } from '../api/types.ts';
import { formatShare, shareBars } from '../charts/bars.ts';
import { ChartAndTable } from '../charts/ChartAndTable.tsx';
import { ChoiceSelect, useGroupName } from '../charts/GroupBy.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.tsx';

export const RATE_BY = ['organisation', 'year', 'theme'] as const;
export type RateBy = (typeof RATE_BY)[number];

export function ImplementationRateChart({
  filters,
  by,
  onBy,
  changes,
}: {
  /** The register's filters, as the API takes them. */
  filters: Record<string, string | undefined>;
  by: RateBy;
  onBy: (by: RateBy) => void;
  /** Counts the register's writes: the rate is read again after each. */
  changes: number;
}) {
  const { t, formatNumber } = useI18n();
  const query = { ...filters, by };
  const rate = useLoad(
    () => get<ImplementationRate>('/recommendations/implementation-rate', query),
    [JSON.stringify(query), changes],
  );
  const groups = rate.data?.groups ?? [];
  const name = useGroupName(by);
  const percent = (share: number | null) => formatShare(share, formatNumber);
  const option = shareBars(groups.map(name), [
    { name: t('followUp.implemented'), values: groups.map((g) => g.implemented_share) },
    { name: t('followUp.validated'), values: groups.map((g) => g.validated_share) },
  ]);

  return (
    <section className="card" aria-labelledby="rate-h">
      <h2 id="rate-h">{t('followUp.rateTitle')}</h2>
      <p className="muted small">{t('followUp.rateExplained')}</p>
      <div className="filters">
        <ChoiceSelect label="scores.by" value={by} options={RATE_BY} messages="followUp.by" onChange={onBy} />
        <a href={withQuery('/api/v1/recommendations/implementation-rate', { ...query, format: 'csv' })}>
          {t('common.exportCsv')}
        </a>
      </div>
      <ChartAndTable
        loaded={rate}
        option={option}
        label={t('followUp.rateTitle')}
        height={Math.max(160, groups.length * 44 + 60)}
        columns={[
          t(`followUp.by.${by}` as MessageKey),
          t('followUp.recommendations'),
          t('followUp.implemented'),
          t('followUp.validated'),
        ]}
        rows={groups.map((g) => [
          g.key ?? '',
          [
            name(g),
            formatNumber(g.recommendations),
            `${formatNumber(g.implemented)} (${percent(g.implemented_share)})`,
            `${formatNumber(g.validated)} (${percent(g.validated_share)})`,
          ],
        ])}
      />
    </section>
  );
}
