// A read shown as a chart and, beside it for every reader, the same numbers as a table: loading,
// the error in words, "none" when there is nothing to draw.
import type { ReactNode } from 'react';
import type { Loaded } from '../api/hooks.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/index.tsx';
import { EChart } from './EChart.tsx';

export function ChartAndTable({
  loaded,
  option,
  label,
  height,
  columns,
  rows,
}: {
  loaded: Loaded<unknown>;
  option: Parameters<typeof EChart>[0]['option'];
  /** What the chart shows, for screen readers. */
  label: string;
  height: number;
  columns: string[];
  /** Each row: its key and its cells, in the order of `columns`. */
  rows: [string, ReactNode[]][];
}) {
  const { t } = useI18n();
  return (
    <>
      {loaded.loading && <Loading />}
      <ErrorMessage error={loaded.error} />
      {loaded.data !== undefined &&
        (rows.length ? (
          <>
            <EChart option={option} label={label} height={height} />
            <table className="table">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map(([key, cells]) => (
                  <tr key={key}>
                    {cells.map((cell, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a cell's place is its column
                      <td key={i}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="muted">{t('common.none')}</p>
        ))}
    </>
  );
}
