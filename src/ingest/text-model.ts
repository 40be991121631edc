// The one text model every reader produces: headings, paragraphs, list items (with their numbers)
// and tables as rows and cells, laid out into a single plain text so that every extracted value
// can point back at a {start, end} span of it.
export interface Span {
  start: number;
  end: number;
}

/** What a reader hands over: structure and text, before offsets are assigned. */
export type RawBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string; bold?: string[] }
  | { type: 'list_item'; text: string; ordered?: boolean; number?: number | null; bold?: string[] }
  | { type: 'table'; rows: RawCell[][] };

export interface RawCell {
  text: string;
  bold?: string[];
}

export interface Cell extends Span {
  text: string;
  /** Fragments set in bold (used e.g. for "LEAD in bold" partner lists). */
  bold: string[];
}

export interface Row extends Span {
  cells: Cell[];
}

export type Block =
  | ({ type: 'heading'; level: number; text: string } & Span)
  | ({ type: 'paragraph'; text: string; bold: string[] } & Span)
  | ({
      type: 'list_item';
      text: string;
      ordered: boolean;
      number: number | null;
      marker: string;
      bold: string[];
    } & Span)
  | ({ type: 'table'; rows: Row[] } & Span);

export interface TextModel {
  /** The plain text all spans point into. */
  text: string;
  blocks: Block[];
}

/** A piece of text with its place in the document: a paragraph, list item, heading or table cell. */
export interface TextUnit extends Span {
  text: string;
  block: Block;
  /** For table cells: the row and the index of the cell in it. */
  row?: Row;
  cellIndex?: number;
}

// "1.", "1)", "(1)", "a)", or a bullet glyph at the start of a paragraph marks a list item.
const LIST_MARKER = /^(?:(\d{1,3})[.)](?!\d)|\((\d{1,3})\)|([a-z])\)|([•●▪◦·‣∙*–-]))\s+(?=\S)/;
const HEADING_MAX_WORDS = 12;

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function collapseKeepingBreaks(text: string): string {
  return text
    .split('\n')
    .map((line) => collapse(line))
    .filter(Boolean)
    .join('\n');
}

/** A short paragraph in capitals without final punctuation is a heading in all but name. */
function looksLikeCapsHeading(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || text.includes('\n')) return false;
  if (text.split(/\s+/).length > HEADING_MAX_WORDS) return false;
  if (/[.;,]$/.test(text)) return false;
  return letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function isShortUnpunctuated(text: string): boolean {
  return text.split(/\s+/).length <= HEADING_MAX_WORDS && !/[.;,]$/.test(text);
}

function cleanBold(bold: string[] | undefined): string[] {
  return (bold ?? []).map(collapse).filter(Boolean);
}

/** Normalise reader output the same way for every format, then lay it out and assign spans. */
export function buildTextModel(raw: RawBlock[]): TextModel {
  const blocks: Block[] = [];
  let text = '';
  const separate = () => {
    if (text.length) text += '\n\n';
  };

  for (const block of raw) {
    if (block.type === 'table') {
      const rows = block.rows
        .map((cells) =>
          cells.map((c) => ({ text: collapse(c.text), bold: cleanBold(c.bold) })).filter((c) => c.text),
        )
        .filter((cells) => cells.length > 0);
      if (!rows.length) continue;
      separate();
      const tableStart = text.length;
      const laidOut: Row[] = [];
      rows.forEach((cells, r) => {
        if (r > 0) text += '\n';
        const rowStart = text.length;
        const laidCells: Cell[] = cells.map((cell, c) => {
          if (c > 0) text += '\t';
          const start = text.length;
          text += cell.text;
          return { text: cell.text, bold: cell.bold, start, end: text.length };
        });
        laidOut.push({ cells: laidCells, start: rowStart, end: text.length });
      });
      blocks.push({ type: 'table', rows: laidOut, start: tableStart, end: text.length });
      continue;
    }

    let body = block.type === 'paragraph' ? collapseKeepingBreaks(block.text) : collapse(block.text);
    if (!body) continue;
    const bold = block.type === 'heading' ? [] : cleanBold(block.bold);

    // A short paragraph set wholly in bold is a heading too ("**Colombia**", "<b>Summary</b>").
    const allBold =
      block.type === 'paragraph' && bold.length === 1 && bold[0] === body && isShortUnpunctuated(body);
    if (block.type === 'heading' || (block.type === 'paragraph' && (looksLikeCapsHeading(body) || allBold))) {
      separate();
      const start = text.length;
      text += body;
      const level = block.type === 'heading' ? block.level : allBold ? 3 : 2;
      blocks.push({ type: 'heading', level, text: body, start, end: text.length });
      continue;
    }

    // A typed number or bullet ("2. The focus…", "- Since…") is list structure, whatever the format.
    let ordered = block.type === 'list_item' ? (block.ordered ?? false) : false;
    let number = block.type === 'list_item' ? (block.number ?? null) : null;
    let isList = block.type === 'list_item';
    let marker = '';
    const m = LIST_MARKER.exec(body);
    if (m) {
      const typedNumber = m[1] ?? m[2];
      isList = true;
      marker = m[0].trim();
      if (typedNumber) {
        ordered = true;
        number = Number(typedNumber);
      } else if (m[3]) {
        ordered = true;
      }
      body = body.slice(m[0].length);
    }

    separate();
    if (isList) {
      const shown = marker || (ordered && number !== null ? `${number}.` : '•');
      text += `${shown} `;
      const start = text.length;
      text += body;
      blocks.push({
        type: 'list_item',
        text: body,
        ordered,
        number,
        marker: shown,
        bold,
        start,
        end: text.length,
      });
    } else {
      const start = text.length;
      text += body;
      blocks.push({ type: 'paragraph', text: body, bold, start, end: text.length });
    }
  }
  return { text, blocks };
}

/** Every piece of running text in document order, table cells included. */
export function textUnits(model: TextModel): TextUnit[] {
  const units: TextUnit[] = [];
  for (const block of model.blocks) {
    if (block.type === 'table') {
      for (const row of block.rows) {
        row.cells.forEach((cell, cellIndex) => {
          units.push({ text: cell.text, start: cell.start, end: cell.end, block, row, cellIndex });
        });
      }
    } else {
      units.push({ text: block.text, start: block.start, end: block.end, block });
    }
  }
  return units;
}
