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

// A paragraph's lines are kept as parts and joined once when it ends: appending to the growing text
// and then asking whether it ends in a line break made V8 flatten it at every line, so a file of
// many lines without a blank one took time in the square of its size (1 MB 10 s, 4 MB minutes).
interface OpenParagraph {
  parts: string[];
  /** Whether the last part ends in a hard line break, so the next line is not joined with a space. */
  endsInBreak: boolean;
  bold: string[];
}

// Runs of more than two spaces mean no more than two to every rule here and to the text model
// (which collapses white space), but every pattern that looks for white space before the end of a
// line would try each space of a long run in turn: bounded, the patterns stay linear.
const LONG_SPACE_RUN = /[^\S\t\n]{3,}/g;

export function parseLines(source: string, grammar: LineGrammar): RawBlock[] {
  const blocks: RawBlock[] = [];
  let paragraph: OpenParagraph | null = null;
  let table: RawCell[][] | null = null;

  const flushParagraph = () => {
    const text = paragraph?.parts.join('');
    if (paragraph && text?.trim()) blocks.push({ type: 'paragraph', text, bold: paragraph.bold });
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

  for (const sourceLine of source.replace(/\r\n?/g, '\n').split('\n')) {
    const rawLine = sourceLine.replace(LONG_SPACE_RUN, '  ');
    const line = rawLine.replace(/^\s+/, '');
    if (!line.trim()) {
      flushParagraph();
      flushTable();
      continue;
    }
    if (grammar.markdown && PIPE_SEPARATOR.test(line) && table) continue;
    if (grammar.markdown && SETEXT.test(line) && paragraph) {
      const level = line.trim().startsWith('=') ? 1 : 2;
      const heading = stripInlineMarks((paragraph as OpenParagraph).parts.join('')).text;
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
    const hardBreak = rawLine.endsWith('  ') || /<br\s*\/?>\s*$/i.test(rawLine);
    const inline = stripInlineMarks(line.trimEnd());
    if (paragraph) {
      if (!paragraph.endsInBreak) paragraph.parts.push(' ');
      paragraph.parts.push(inline.text);
      for (const fragment of inline.bold) paragraph.bold.push(fragment);
    } else {
      paragraph = { parts: [inline.text], endsInBreak: false, bold: [...inline.bold] };
    }
    // The line's own text may end in a break too (a <br> inside it, turned into one).
    paragraph.endsInBreak = hardBreak || inline.text.endsWith('\n');
    if (hardBreak) paragraph.parts.push('\n');
  }
  flushParagraph();
  flushTable();
  return blocks;
}
