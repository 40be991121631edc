// A heat map's numbers as a table beside the chart: every row and column labelled, cells coloured
// as on the chart, readable by a screen reader and by keyboard, and the figures a reader can copy.
import { colourOf, DARK_COLOURS, type Piece } from './scale.tsx';

export interface HeatTableProps {
  caption: string;
  corner: string;
  rows: { key: string; label: string }[];
  columns: { key: string; label: string }[];
  value(row: string, column: string): number | undefined;
  pieces: Piece[];
  /** A word shown after a cell's number where it means something more (a gap). */
  mark?(value: number | undefined): { text: string; color: string } | undefined;
  format(n: number): string;
}

export function HeatTable({ caption, corner, rows, columns, value, pieces, mark, format }: HeatTableProps) {
  return (
    <div className="table-scroll">
      <table className="heat-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {columns.map((c) => {
                const v = value(r.key, c.key);
                const marked = mark?.(v);
                const background = marked?.color ?? (v ? colourOf(pieces, v) : undefined);
                return (
                  <td
                    key={c.key}
                    className="num"
                    style={
                      background
                        ? { background, color: DARK_COLOURS.has(background) ? '#fff' : undefined }
                        : undefined
                    }
                  >
                    {v === undefined ? '' : format(v)}
                    {marked && <span className="heat-mark"> {marked.text}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
