// PDF (.pdf) through unpdf (pdf.js). A PDF only has positioned runs of text, so structure is
// rebuilt from geometry: runs on one baseline make a line, wide horizontal gaps split a line into
// cells, lines close together make a block, and a block whose lines have several cells is a table
// row (a cell's text may wrap over several lines). Larger type than the body makes a heading.
// Runs set in a bold font keep that through to the text model, as <b> does in the other formats.
import { getDocumentProxy } from 'unpdf';
import { IngestError } from '../errors.ts';
import { buildTextModel, type RawBlock, type RawCell } from '../text-model.ts';
import { FontWeights } from './pdf-fonts.ts';
import { StyledBuilder, type StyledText } from './pdf-styled.ts';
import type { ReadResult } from './types.ts';

interface Run {
  /** Order in the content stream: runs of one text flow follow each other. */
  seq: number;
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
}

interface Segment {
  styled: StyledBuilder;
  lastSeq: number;
  x: number;
  end: number;
}

interface Line {
  y: number;
  size: number;
  segments: (StyledText & { x: number })[];
}

interface PageBlock {
  lines: Line[];
  size: number;
}

// Multiples of the font size, chosen from real layouts: within a cell lines are ~1.1 apart,
// between table rows or paragraphs ~1.5 and more; between cells on a line a gap of >1.2 em.
const CELL_GAP_EM = 1.2;
const BLOCK_GAP_EM = 1.35;
const LIST_START = /^(?:\d{1,3}[.)]|\(\d{1,3}\)|[•●▪◦·‣∙–-])\s/;

function toLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Run[][] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - run.y) < run.size * 0.3) row.push(run);
    else rows.push([run]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((r) => r.size));
    const segments: Segment[] = [];
    for (const run of row) {
      const last = segments.at(-1);
      const gap = last ? run.x - last.end : Number.POSITIVE_INFINITY;
      // Side by side on a baseline but written at different points of the content stream means
      // two cells, even when the gap between them is narrow.
      const sameFlow = last && (run.seq === last.lastSeq + 1 || gap <= size * 0.3);
      if (last && gap <= size * CELL_GAP_EM && sameFlow) {
        last.lastSeq = run.seq;
        const space = gap > size * 0.12 && !last.styled.endsWith(' ') && !run.str.startsWith(' ') ? ' ' : '';
        last.styled.add(space, styledRun(run));
        last.end = Math.max(last.end, run.x + run.width);
      } else {
        const styled = new StyledBuilder();
        styled.add('', styledRun(run));
        segments.push({ lastSeq: run.seq, x: run.x, end: run.x + run.width, styled });
      }
    }
    return {
      y: row[0]!.y,
      size,
      segments: segments.map((s) => ({ ...s.styled.build(), x: s.x })).filter((s) => s.text.trim()),
    };
  });
}

function toBlocks(lines: Line[]): PageBlock[] {
  const blocks: PageBlock[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    if (!line.segments.length) continue;
    const block = blocks.at(-1);
    const gap = previous ? previous.y - line.y : Number.POSITIVE_INFINITY;
    const size = Math.max(line.size, previous?.size ?? 0);
    const sameType = previous && Math.abs(previous.size - line.size) < 0.5;
    const startsItem = LIST_START.test(line.segments[0]!.text.trimStart());
    if (block && previous && sameType && gap <= size * BLOCK_GAP_EM && !startsItem) block.lines.push(line);
    else blocks.push({ lines: [line], size: line.size });
    previous = line;
  }
  return blocks;
}

const styledRun = (run: Run): StyledText => ({
  text: run.str,
  bold: run.bold ? [[0, run.str.length]] : [],
});

function trimStyled(styled: StyledText): StyledText {
  const lead = styled.text.length - styled.text.trimStart().length;
  const text = styled.text.trim();
  const bold = styled.bold
    .map(([s, e]): [number, number] => [Math.max(0, s - lead), Math.min(text.length, e - lead)])
    .filter(([s, e]) => e > s);
  return { text, bold };
}

/** Join wrapped lines; a line ending in a hyphen continues the word on the next line. */
function joinLines(parts: StyledText[], joined = new StyledBuilder()): StyledBuilder {
  for (const part of parts.map(trimStyled).filter((p) => p.text)) {
    joined.add(joined.isEmpty() || joined.endsInHyphenatedWord() ? '' : ' ', part);
  }
  return joined;
}

/** The bold fragments of a text, as the text model takes them. */
const boldFragments = ({ text, bold }: StyledText) => bold.map(([s, e]) => text.slice(s, e));

function blockToRawCells(block: PageBlock): RawCell[] | null {
  const multi = block.lines.filter((l) => l.segments.length > 1);
  if (!multi.length) return null;
  const columns: number[] = [];
  for (const line of multi) {
    for (const seg of line.segments) {
      if (!columns.some((c) => Math.abs(c - seg.x) < 8)) columns.push(seg.x);
    }
  }
  columns.sort((a, b) => a - b);
  const cells: StyledText[][] = columns.map(() => []);
  for (const line of block.lines) {
    for (const seg of line.segments) {
      let index = 0;
      columns.forEach((c, i) => {
        if (c <= seg.x + 8) index = i;
      });
      cells[index]!.push(seg);
    }
  }
  return cells.map((parts) => {
    const cell = joinLines(parts).build();
    return { text: cell.text, bold: boldFragments(cell) };
  });
}

function bodySize(blocks: PageBlock[]): number {
  const weight = new Map<number, number>();
  for (const block of blocks)
    for (const line of block.lines) {
      const key = Math.round(line.size);
      weight.set(key, (weight.get(key) ?? 0) + line.segments.reduce((n, s) => n + s.text.length, 0));
    }
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 11;
}

function assemble(pages: PageBlock[][]): RawBlock[] {
  const all = pages.flat();
  const body = bodySize(all);
  const headingSizes = [...new Set(all.map((b) => Math.round(b.size)).filter((s) => s > body * 1.1))].sort(
    (a, b) => b - a,
  );
  const raw: RawBlock[] = [];
  let table: RawCell[][] | null = null;
  // The last paragraph stays open while the next page may go on with it.
  let paragraph: { text: StyledBuilder; bold: string[] } | null = null;
  const flushParagraph = () => {
    if (paragraph) raw.push({ type: 'paragraph', text: paragraph.text.build().text, bold: paragraph.bold });
    paragraph = null;
  };
  const flushTable = () => {
    if (table) raw.push({ type: 'table', rows: table });
    table = null;
  };
  pages.forEach((blocks, pageIndex) => {
    blocks.forEach((block, blockIndex) => {
      const cells = blockToRawCells(block);
      if (cells) {
        flushParagraph();
        table ??= [];
        table.push(cells);
        return;
      }
      const styled = joinLines(block.lines.map((l) => l.segments[0]!)).build();
      const { text } = styled;
      const level = headingSizes.indexOf(Math.round(block.size));
      if (level >= 0 && text.length < 200) {
        flushParagraph();
        flushTable();
        raw.push({ type: 'heading', level: level + 1, text });
        return;
      }
      // A paragraph cut by a page break: the previous page ended mid-sentence, this one goes on in lower case.
      const previous = paragraph as { text: StyledBuilder; bold: string[] } | null;
      if (
        previous &&
        blockIndex === 0 &&
        pageIndex > 0 &&
        !previous.text.endsSentence() &&
        /^\p{Ll}/u.test(text)
      ) {
        joinLines([{ text, bold: [] }], previous.text);
        for (const fragment of boldFragments(styled)) previous.bold.push(fragment);
        return;
      }
      flushParagraph();
      flushTable();
      const opened = new StyledBuilder();
      opened.add('', { text, bold: [] });
      paragraph = { text: opened, bold: boldFragments(styled) };
    });
  });
  flushParagraph();
  flushTable();
  return raw;
}

// A lone page number at the top or bottom of a page is furniture, not text.
function isPageFurniture(block: PageBlock, index: number, count: number): boolean {
  const text = block.lines
    .map((l) => l.segments.map((s) => s.text).join(' '))
    .join(' ')
    .trim();
  return (
    (index === 0 || index === count - 1) && /^(?:page\s+)?\d{1,4}(?:\s+(?:of|\/)\s+\d{1,4})?$/i.test(text)
  );
}

export async function readPdf(bytes: Buffer, filename: string): Promise<ReadResult> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // maxImageSize 0: reading fonts (pdf-fonts.ts) must not decode a page's images.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, maxImageSize: 0 });
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'PasswordException') {
      throw new IngestError(
        'encrypted_pdf',
        `${filename} is password-protected. Remove the password (print or export to an unprotected PDF) and upload it again.`,
      );
    }
    throw new IngestError(
      'corrupt_file',
      `${filename} could not be opened as a PDF (${(err as Error).message}); it may be truncated or damaged. Export it again from the original and re-upload.`,
    );
  }
  try {
    const pages: PageBlock[][] = [];
    let characters = 0;
    const fonts = new FontWeights();
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      await fonts.learn(page, Object.keys(content.styles));
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, , , x, y] = item.transform as number[];
        runs.push({
          seq: runs.length,
          str: item.str,
          x: x!,
          y: y!,
          width: item.width,
          size: Math.hypot(a!, b!) || 10,
          bold: fonts.isBold(item.fontName),
        });
        characters += item.str.trim().length;
      }
      const blocks = toBlocks(toLines(runs));
      pages.push(blocks.filter((b, i) => !isPageFurniture(b, i, blocks.length)));
      page.cleanup();
    }
    if (characters === 0) {
      throw new IngestError(
        'no_text_layer',
        `${filename} has no text layer (it is probably scanned images). Run it through OCR, or upload the original Word or text file.`,
        { pages: pdf.numPages },
      );
    }
    return { format: 'pdf', encoding: null, model: buildTextModel(assemble(pages)) };
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(
      'corrupt_file',
      `${filename} is damaged: its pages could not be read (${(err as Error).message}). Export it again and re-upload.`,
    );
  } finally {
    await pdf.destroy();
  }
}
