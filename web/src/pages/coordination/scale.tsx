// The colour scales the coordination views share, and their legend in HTML: every colour names the
// numbers it stands for, in the reader's language, so a reader never has to guess a shade.
import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';

const BLUES = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
/** A country-theme with no active project: a gap, drawn in a colour no count uses. */
export const GAP_COLOUR = '#f4a6a6';

export interface Piece {
  min: number;
  max: number;
  color: string;
  label: string;
}

/** Up to five ranges of counts from 1 to `max`, each with its colour and its numbers ("2–3"). */
export function countPieces(max: number, format: (n: number) => string): Piece[] {
  const n = Math.min(BLUES.length, Math.max(1, max));
  const step = Math.ceil(Math.max(1, max) / n);
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const min = i * step + 1;
    const top = i === n - 1 ? Math.max(1, max) : Math.min(max, (i + 1) * step);
    if (min > top) break;
    const color = BLUES[Math.round((i * (BLUES.length - 1)) / Math.max(1, n - 1))]!;
    pieces.push({ min, max: top, color, label: min === top ? format(min) : `${format(min)}–${format(top)}` });
  }
  return pieces;
}

/** The darker shades, on which text is white. */
export const DARK_COLOURS = new Set(BLUES.slice(3));

export const colourOf = (pieces: Piece[], value: number) =>
  pieces.find((p) => value >= p.min && value <= p.max)?.color;

/** Names and codes sorted the way a reader of the interface language expects ("El Salvador" before "Perú"). */
export function useCollator() {
  const { lang } = useI18n();
  return useMemo(() => new Intl.Collator(lang, { sensitivity: 'base', numeric: true }), [lang]);
}

export function Legend({ title, pieces }: { title: string; pieces: Piece[] }) {
  return (
    <figure className="legend">
      <figcaption>{title}</figcaption>
      <ul>
        {pieces.map((p) => (
          <li key={`${p.min}-${p.max}-${p.label}`}>
            <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
            {p.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** "1 project", "2 projects" by the language's plural rules (French: "0 projet", "1 projet"). */
export function useProjectsWord() {
  const { t } = useI18n();
  return useMemo(() => (n: number) => t('coordination.projects', { n }), [t]);
}

/**
 * The ECharts option of a heat grid (matrix, gaps): columns on top, every row labelled from the
 * top down with long names wrapped, colours from the legend's pieces, each cell's number shown.
 */
export function heatGridOption(grid: {
  columns: string[];
  rows: string[];
  pieces: Piece[];
  data: number[][];
  rowLabelWidth: number;
  tooltip: (p: { value: [number, number, number] }) => string;
}) {
  return {
    tooltip: { formatter: grid.tooltip },
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category' as const,
      data: grid.columns,
      position: 'top' as const,
      axisLabel: { interval: 0, rotate: grid.columns.length > 6 ? 40 : 0 },
    },
    yAxis: {
      type: 'category' as const,
      data: grid.rows,
      inverse: true,
      axisLabel: { interval: 0, width: grid.rowLabelWidth, overflow: 'break' as const, lineHeight: 13 },
    },
    visualMap: { type: 'piecewise' as const, show: false, dimension: 2, pieces: grid.pieces },
    series: [{ type: 'heatmap' as const, data: grid.data, label: { show: true } }],
  };
}
