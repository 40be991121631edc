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
