// The line grammar shared by the plain-text and Markdown readers: '#' headings, blank-line
// paragraphs, list items that start a new block, and table rows (tab-separated in text exports,
// pipe-delimited in Markdown). Consecutive table rows make one table.
import type { RawBlock, RawCell } from '../text-model.ts';
import { stripInlineMarks } from './inline.ts';

export interface LineGrammar {
  /** Markdown pipe tables and setext headings ("Title\n====="). */
  markdown: boolean;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const LIST_START = /^\s*(?:\d{1,3}[.)]|\(\d{1,3}\)|[a-z]\)|[•●▪◦·‣∙*–-])\s+\S/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const SETEXT = /^\s*(=+|-+)\s*$/;

export function parseLines(source: string, grammar: LineGrammar): RawBlock[] {
  const blocks: RawBlock[] = [];
  let paragraph: { text: string; bold: string[] } | null = null;
  let table: RawCell[][] | null = null;

  const flushParagraph = () => {
    if (paragraph?.text.trim())
      blocks.push({ type: 'paragraph', text: paragraph.text, bold: paragraph.bold });
    paragraph = null;
  };
  const flushTable = () => {
    if (table?.length) blocks.push({ type: 'table', rows: table });
    table = null;
  };
  const addRow = (cells: string[]) => {
    flushParagraph();
    table ??= [];
    table.push(
      cells.map((cell) => {
        const inline = stripInlineMarks(cell);
        return { text: inline.text, bold: inline.bold };
      }),
    );
  };

  for (const rawLine of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.replace(/^\s+/, '');
    if (!line.trim()) {
      flushParagraph();
      flushTable();
      continue;
    }
    if (grammar.markdown && PIPE_SEPARATOR.test(line) && table) continue;
    if (grammar.markdown && SETEXT.test(line) && paragraph) {
      const level = line.trim().startsWith('=') ? 1 : 2;
      const heading = stripInlineMarks((paragraph as { text: string }).text).text;
      paragraph = null;
      blocks.push({ type: 'heading', level, text: heading });
      continue;
    }
    if (RULE.test(line)) {
      flushParagraph();
      flushTable();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushTable();
      blocks.push({ type: 'heading', level: heading[1]!.length, text: stripInlineMarks(heading[2]!).text });
      continue;
    }
    if (line.includes('\t')) {
      addRow(line.split('\t'));
      continue;
    }
    if (grammar.markdown && PIPE_ROW.test(line)) {
      addRow(line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|'));
      continue;
    }
    flushTable();
    if (LIST_START.test(line)) flushParagraph();
    // Two trailing spaces (or <br>) are a hard line break; otherwise wrapped lines join.
    const hardBreak = / {2,}$/.test(rawLine) || /<br\s*\/?>\s*$/i.test(rawLine);
    const inline = stripInlineMarks(line.trimEnd());
    if (paragraph) {
      const joiner = paragraph.text.endsWith('\n') ? '' : ' ';
      paragraph.text += joiner + inline.text;
      paragraph.bold.push(...inline.bold);
    } else {
      paragraph = { text: inline.text, bold: [...inline.bold] };
    }
    if (hardBreak) paragraph.text += '\n';
  }
  flushParagraph();
  flushTable();
  return blocks;
}
