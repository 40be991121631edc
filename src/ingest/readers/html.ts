// HTML (.html, and Word documents after mammoth has turned them into HTML): walks the tags with
// htmlparser2 and keeps headings, paragraphs, list items with their numbers and tables as rows
// and cells. Script, style and head content is skipped.
import { Parser } from 'htmlparser2';
import { buildTextModel, type RawBlock, type RawCell } from '../text-model.ts';
import { decodeText } from './decode.ts';
import type { ReadResult } from './types.ts';

interface Sink {
  text: string;
  bold: string[];
  pendingBold: string;
}

type OpenBlock = Sink & {
  kind: 'paragraph' | 'heading' | 'list_item';
  level: number;
  ordered: boolean;
  number: number | null;
};

const SKIPPED = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'svg']);
const PARAGRAPH_TAGS = new Set([
  'p',
  'div',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'dd',
  'dt',
  'caption',
  'figcaption',
  'address',
]);
const BOLD_TAGS = new Set(['b', 'strong']);

export function parseHtml(html: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const lists: { ordered: boolean; counter: number }[] = [];
  let skipDepth = 0;
  let boldDepth = 0;
  let current: OpenBlock | null = null;
  // Nested tables are flattened into the cell of the outermost one.
  let table: { rows: RawCell[][]; depth: number } | null = null;
  let cell: Sink | null = null;

  const finishBold = (sink: Sink) => {
    if (sink.pendingBold.trim()) sink.bold.push(sink.pendingBold);
    sink.pendingBold = '';
  };
  const flush = () => {
    if (!current) return;
    finishBold(current);
    const { kind, text, bold } = current;
    if (text.trim()) {
      if (kind === 'heading') blocks.push({ type: 'heading', level: current.level, text });
      else if (kind === 'list_item')
        blocks.push({ type: 'list_item', text, bold, ordered: current.ordered, number: current.number });
      else blocks.push({ type: 'paragraph', text, bold });
    }
    current = null;
  };
  const open = (kind: OpenBlock['kind'], level = 0, ordered = false, number: number | null = null) => {
    flush();
    current = { kind, level, ordered, number, text: '', bold: [], pendingBold: '' };
  };
  const sink = (): Sink => {
    if (cell) return cell;
    if (!current) open('paragraph');
    return current!;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIPPED.has(name)) skipDepth++;
        if (skipDepth) return;
        if (BOLD_TAGS.has(name)) boldDepth++;
        if (name === 'table') {
          if (table) table.depth++;
          else {
            flush();
            table = { rows: [], depth: 1 };
          }
          return;
        }
        if (table) {
          if (table.depth === 1 && name === 'tr') table.rows.push([]);
          else if (table.depth === 1 && (name === 'td' || name === 'th')) {
            cell = { text: '', bold: [], pendingBold: '' };
            if (!table.rows.length) table.rows.push([]);
            table.rows.at(-1)!.push(cell);
          } else if (cell && (name === 'br' || name === 'p' || name === 'li' || name === 'div'))
            cell.text += ' ';
          return;
        }
        if (/^h[1-6]$/.test(name)) open('heading', Number(name[1]));
        else if (name === 'ul' || name === 'ol') {
          flush();
          lists.push({ ordered: name === 'ol', counter: Number(attrs.start ?? 1) - 1 });
        } else if (name === 'li') {
          const list = lists.at(-1);
          if (list) list.counter++;
          open('list_item', 0, list?.ordered ?? false, list?.ordered ? list.counter : null);
        } else if (name === 'br') {
          if (current) current.text += '\n';
        } else if (PARAGRAPH_TAGS.has(name)) {
          // A paragraph inside a list item belongs to the item.
          if ((current as OpenBlock | null)?.kind === 'list_item') current!.text += ' ';
          else open('paragraph');
        }
      },
      ontext(text) {
        if (skipDepth) return;
        const target = sink();
        target.text += text;
        if (boldDepth) target.pendingBold += text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth) return;
        if (BOLD_TAGS.has(name)) {
          boldDepth = Math.max(0, boldDepth - 1);
          if (!boldDepth) finishBold(cell ?? current ?? { text: '', bold: [], pendingBold: '' });
          return;
        }
        if (table) {
          if (name === 'table') {
            table.depth--;
            if (!table.depth) {
              blocks.push({ type: 'table', rows: table.rows });
              table = null;
              cell = null;
            }
          } else if (table.depth === 1 && (name === 'td' || name === 'th')) {
            if (cell) finishBold(cell);
            cell = null;
          }
          return;
        }
        if (
          /^h[1-6]$/.test(name) ||
          name === 'li' ||
          (PARAGRAPH_TAGS.has(name) && (current as OpenBlock | null)?.kind !== 'list_item')
        )
          flush();
        if (name === 'ul' || name === 'ol') {
          flush();
          lists.pop();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  if (table) blocks.push({ type: 'table', rows: (table as { rows: RawCell[][] }).rows });
  return blocks;
}

function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
}

export function readHtml(bytes: Buffer, filename: string): ReadResult {
  const { text, encoding } = decodeText(bytes, filename, declaredCharset(bytes));
  return { format: 'html', encoding, model: buildTextModel(parseHtml(text)) };
}
