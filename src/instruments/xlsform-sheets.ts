// Reading XLSForm sheets: cell texts, translated columns, and columns Tacit does not read.
import type { Worksheet } from 'exceljs';
import type { FileProblem } from './file-problems.ts';
import { languageOfColumn } from './xlsform.columns.ts';

export type Cells = Map<string, string>;
export interface SheetRow {
  row: number;
  cells: Cells;
}
export interface Located {
  sheet: string;
  row: number;
}

const LOCALISED_BASES: Record<string, string[]> = {
  survey: ['label', 'hint'],
  choices: ['label'],
  settings: ['title', 'description', 'source'],
};

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value)
    return (value as { richText: { text: string }[] }).richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof value === 'object' && 'result' in value) return cellText((value as { result: unknown }).result);
  return String(value).trim();
}

/**
 * The sheet's rows as column → text, refusing columns Tacit would silently drop. Translated
 * columns are keyed `label:es` whatever the language's name (`label::Spanish (es)`,
 * `label::Español (es)`); a bare `label` is English.
 */
export function readSheet(sheet: Worksheet, known: readonly string[], problems: FileProblem[]): SheetRow[] {
  const headers = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const name = cellText(cell.value);
    if (!name) return;
    const base = LOCALISED_BASES[sheet.name]?.find((b) => languageOfColumn(name, b) !== undefined);
    const lang = base ? languageOfColumn(name, base) : undefined;
    if (lang === 'unknown')
      problems.push({
        sheet: sheet.name,
        row: 1,
        column: name,
        reason:
          'Tacit keeps texts in English (en), Spanish (es) and French (fr) only; name the language as in "label::Español (es)"',
      });
    else if (base) headers.set(col, `${base}:${lang}`);
    else if (known.includes(name)) headers.set(col, name);
    else
      problems.push({
        sheet: sheet.name,
        row: 1,
        column: name,
        reason: `Tacit does not read this column; use only ${known.join(', ')}`,
      });
  });
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Cells = new Map();
    row.eachCell((cell, col) => {
      const header = headers.get(col);
      const text = cellText(cell.value);
      if (header && text) cells.set(header, text);
    });
    if (cells.size) rows.push({ row: number, cells });
  });
  return rows;
}

export function localised(cells: Cells, base: string) {
  const text: Record<string, string> = {};
  for (const lang of ['en', 'es', 'fr']) {
    const value = cells.get(`${base}:${lang}`);
    if (value) text[lang] = value;
  }
  return Object.keys(text).length ? text : undefined;
}

export function numberOr(
  cells: Cells,
  column: string,
  fallback: number,
  at: Located,
  problems: FileProblem[],
): number {
  const text = cells.get(column);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (Number.isFinite(n)) return n;
  problems.push({ ...at, column, reason: `"${text}" is not a number` });
  return fallback;
}
