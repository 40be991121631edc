// The 3W matrix: organisations × countries (or themes, with a country chosen) as a heat map of
// projects, every row labelled and sorted by name in the interface language, a legend with the
// numbers each colour stands for, the same figures as a table, and the CSV and Excel exports.
import { useMemo } from 'react';
import { get, withQuery } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { useReference } from '../../api/reference.tsx';
import { useSession } from '../../api/session.tsx';
import type { MatrixResult } from '../../api/types.ts';
import { EChart } from '../../charts/EChart.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { HeatTable } from './HeatTable.tsx';
import { countPieces, heatGridOption, Legend, useCollator } from './scale.tsx';

/** Height of one organisation's row: room for a name on two lines. */
const ROW = 34;

export function MatrixView({ filters }: { filters: Record<string, string> }) {
  const { t, lang, formatNumber } = useI18n();
  const { countryName, themeLabel } = useReference();
  const collator = useCollator();
  const session = useSession();
  // With a country chosen the columns are its themes; otherwise they are countries, and the server
  // gives organisation × country cells in which each project counts once, whatever its themes.
  const byTheme = Boolean(filters.country);
  const query = byTheme ? filters : { ...filters, dimensions: 'country' };
  const matrix = useLoad(
    () => get<MatrixResult>('/coordination/matrix', query),
    [JSON.stringify(query), session.me?.user_id],
  );
  const view = useMemo(() => {
    const counts = new Map<string, number>();
    const orgNames = new Map<string, string>();
    const columnKeys = new Set<string>();
    for (const c of matrix.data?.cells ?? []) {
      const column = byTheme ? c.theme : c.country;
      if (!column) continue;
      orgNames.set(c.org_id, c.organisation);
      columnKeys.add(column);
      counts.set(`${c.org_id}\u0000${column}`, c.projects);
    }
    const columnName = (code: string) => (byTheme ? themeLabel(code) : countryName(code));
    const rows = [...orgNames]
      .map(([key, label]) => ({ key, label }))
      .sort((a, b) => collator.compare(a.label, b.label));
    const columns = [...columnKeys]
      .map((key) => ({ key, label: columnName(key) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    const max = Math.max(0, ...counts.values());
    return { counts, rows, columns, pieces: countPieces(max, formatNumber) };
  }, [matrix.data, countryName, themeLabel, byTheme, collator, formatNumber]);

  const option = useMemo(() => {
    const { counts, rows, columns, pieces } = view;
    const data = [...counts].map(([k, n]) => {
      const [o, c] = k.split('\u0000');
      return [columns.findIndex((x) => x.key === c), rows.findIndex((x) => x.key === o), n];
    });
    return heatGridOption({
      columns: columns.map((c) => c.label),
      rows: rows.map((r) => r.label),
      pieces,
      data,
      rowLabelWidth: 240,
      tooltip: (p) =>
        `${rows[p.value[1]]?.label} — ${columns[p.value[0]]?.label}: ${formatNumber(p.value[2])}`,
    });
  }, [view, formatNumber]);

  const columnHeading = (byTheme ? t('common.theme') : t('common.country')).toLocaleLowerCase(lang);
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
        {byTheme ? t('coordination.matrixByTheme') : t('coordination.matrixByCountry')}
      </p>
      <ErrorMessage error={matrix.error} />
      {matrix.loading && <Loading />}
      {matrix.data && (
        <>
          {matrix.data.total > matrix.data.cells.length && (
            <p className="muted small" role="status">
              {t('coordination.matrixPartial', {
                shown: formatNumber(matrix.data.cells.length),
                total: formatNumber(matrix.data.total),
              })}
            </p>
          )}
          <Legend title={t('coordination.legendProjects')} pieces={view.pieces} />
          <EChart
            option={option}
            height={Math.max(240, view.rows.length * ROW + 140)}
            label={t('coordination.matrixLabel')}
          />
          <HeatTable
            caption={t('coordination.matrixTable', { columns: columnHeading })}
            corner={t('common.organisation')}
            rows={view.rows}
            columns={view.columns}
            value={(r, c) => view.counts.get(`${r}\u0000${c}`)}
            pieces={view.pieces}
            format={formatNumber}
          />
        </>
      )}
    </section>
  );
}
