// A radar of area scores (0 lowest, 1 highest): one axis per area of the instrument, one shape per
// sheet or assessment. An area not scored yet is left open rather than drawn as a zero.
import type { EChartsCoreOption } from 'echarts/core';

export interface RadarSeries {
  name: string;
  /** One value per area, in the instrument's order; null when the area has no score. */
  scores: (number | null)[];
}

export function radarOption(areas: string[], series: RadarSeries[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: series.map((s) => s.name) },
    radar: {
      indicator: areas.map((name) => ({ name: name.length > 28 ? `${name.slice(0, 27)}…` : name, max: 1 })),
      radius: '62%',
      splitNumber: 4,
    },
    series: [
      {
        type: 'radar',
        data: series.map((s) => ({
          name: s.name,
          value: s.scores.map((v) => (v === null ? '-' : Math.round(v * 100) / 100)),
          areaStyle: { opacity: 0.08 },
        })),
      },
    ],
  };
}
