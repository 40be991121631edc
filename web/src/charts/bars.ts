// A horizontal bar chart of counts, largest on top: projects by theme, by donor and the like.

/** The ECharts option for the first `top` rows of [key, count], labelled with `label(key)`. */
export function countBars(rows: [string, number][], label: (key: string) => string, top = 12) {
  const shown = rows.slice(0, top).reverse();
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' as const },
    xAxis: { type: 'value' as const, minInterval: 1 },
    yAxis: {
      type: 'category' as const,
      data: shown.map(([k]) => label(k)),
      axisLabel: { width: 180, overflow: 'truncate' as const },
    },
    series: [{ type: 'bar' as const, data: shown.map(([, n]) => n), itemStyle: { color: '#2b6cb0' } }],
  };
}

/**
 * Horizontal bars of shares (0…1) drawn as percentages, categories from the top down, one series
 * per measure (e.g. implemented and validated); a share of nothing (null) draws no bar.
 */
export function shareBars(categories: string[], series: { name: string; values: (number | null)[] }[]) {
  return {
    grid: { left: 8, right: 24, top: 8, bottom: series.length > 1 ? 40 : 8, containLabel: true },
    tooltip: { trigger: 'axis' as const },
    ...(series.length > 1 ? { legend: { bottom: 0 } } : {}),
    xAxis: { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: {
      type: 'category' as const,
      data: categories,
      inverse: true,
      axisLabel: { width: 200, overflow: 'truncate' as const },
    },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar' as const,
      data: s.values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
    })),
  };
}

/** A share (0…1) in words, "40 %" or "40,5 %" by the language's number format; "—" for none. */
export const formatShare = (share: number | null, formatNumber: (n: number) => string) =>
  share === null ? '—' : `${formatNumber(Math.round(share * 1000) / 10)} %`;
