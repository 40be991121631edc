// Which evaluation criteria are most often rated weak (moderately unsatisfactory or below), across
// the portfolio or for one theme or region of the evaluated projects: chart, table and CSV.
import { get, withQuery } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import type { CriteriaPortfolio } from '../api/types.ts';
import { useUrlFilters } from '../api/url-filters.ts';
import { formatShare, shareBars } from '../charts/bars.ts';
import { ChartAndTable } from '../charts/ChartAndTable.tsx';
import { ChoiceSelect, useGroupName } from '../charts/GroupBy.tsx';
import { useEnumLabel } from '../components/Tags.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.tsx';

const BY = ['all', 'theme', 'region'] as const;

export function CriteriaPortfolioPage() {
  const { t, formatNumber } = useI18n();
  const label = useEnumLabel();
  const [params, set] = useUrlFilters();
  const by = BY.find((b) => b === params.get('by')) ?? 'all';
  const portfolio = useLoad(() => get<CriteriaPortfolio>('/evaluations/criteria', { by }), [by]);
  const groups = portfolio.data?.groups ?? [];
  const groupName = useGroupName(by);
  // One group at a time in the chart and table: the whole portfolio, or the theme or region chosen.
  const chosen =
    groups.find((g) => (g.key ?? '') === (params.get('group') ?? groups[0]?.key ?? '')) ?? groups[0];
  const criteria = chosen?.criteria ?? [];
  const option = shareBars(
    criteria.map((c) => label('criterion', c.criterion)),
    [{ name: t('criteria.weakShare'), values: criteria.map((c) => c.weak_share) }],
  );
  const percent = (share: number | null) => formatShare(share, formatNumber);

  return (
    <section>
      <h1>{t('criteria.title')}</h1>
      <p className="muted">{t('criteria.explained')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <ChoiceSelect
          label="scores.by"
          value={by}
          options={BY}
          messages="criteria.by"
          onChange={(b) => set('by', b === 'all' ? '' : b)}
        />
        {by !== 'all' && groups.length > 0 && (
          <label>
            {t(`criteria.by.${by}` as MessageKey)}{' '}
            <select value={chosen?.key ?? ''} onChange={(e) => set('group', e.target.value)}>
              {groups.map((g) => (
                <option key={g.key ?? ''} value={g.key ?? ''}>
                  {groupName(g)}
                </option>
              ))}
            </select>
          </label>
        )}
        <a href={withQuery('/api/v1/evaluations/criteria', { by, format: 'csv' })}>{t('common.exportCsv')}</a>
      </form>
      <ChartAndTable
        loaded={portfolio}
        option={option}
        label={t('criteria.title')}
        height={Math.max(160, criteria.length * 36 + 40)}
        columns={[
          t('criteria.criterion'),
          t('criteria.findings'),
          t('criteria.rated'),
          t('criteria.weak'),
          t('criteria.weakShare'),
        ]}
        rows={criteria.map((c) => [
          c.criterion,
          [
            label('criterion', c.criterion),
            formatNumber(c.findings),
            formatNumber(c.rated),
            formatNumber(c.weak),
            percent(c.weak_share),
          ],
        ])}
      />
    </section>
  );
}
