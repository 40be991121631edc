// Checklists and sets of principles a note lists, item by item. A list hangs off a lead-in that ends
// with a colon ("…HEUNI produced a checklist based on 14 recommendations:"); its items are list
// items, paragraphs that open with a name in bold, or the "1. … 2. …" runs of a table cell or
// paragraph, up to the next heading or the next numbered paragraph of the note. Footnotes and page
// furniture between items are passed over. What the lead-in, the heading above it or the sentence
// after it says makes it a checklist or principles; other lists (problems, considerations) are
// left alone.
import type { ItemisedList } from '../extraction-record.ts';
import { allMatches } from '../recognise/regex.ts';
import type { Block, Span, TextModel } from '../text-model.ts';
import type { Draft } from './draft.ts';
import { KNOWN_INSTRUMENTS } from './meeting-report.ts';

type Item = ItemisedList['items'][number] & { span: Span; descriptionSpan?: Span };
type Found = {
  kind: 'checklists' | 'principles';
  name: string;
  paragraph?: number;
  lead: Span;
  items: Item[];
};

const CHECKLIST = /\bcheck-?lists?\b/i;
const PRINCIPLES = /\bprinciples?\b|\bkey elements\b|\bguiding\b/i;
// "These principles need to be applied…": the paragraph after a list names what it was.
const PRINCIPLES_AFTER = /^(?:these|the above|such|all these)\s+(?:\w+\s+)?principles\b/i;
// "1. Carry out a needs assessment 2. Find out who…": a number opening an item inside running text.
const INLINE_NUMBER = /(?:^|\s)(\d{1,2})[.)]\s+(?=\S)/g;
const MAX_LIST_BLOCKS = 40;

const numberOf = (block: Block) => (block.type === 'list_item' && block.ordered ? block.number : null);

/** Items written one after another in one text: at least two, numbered on from each other. */
function inlineItems(text: string, start: number): Item[] {
  const marks = [...allMatches(INLINE_NUMBER, text)].map((m) => ({
    number: Number(m[1]),
    at: m.index,
    textStart: m.index + m[0].length,
  }));
  if (marks.length < 2 || marks[0]!.at !== 0) return [];
  const run = [marks[0]!];
  for (const mark of marks.slice(1)) if (mark.number === run.at(-1)!.number + 1) run.push(mark);
  if (run.length < 2) return [];
  return run.map((mark, i) => {
    const end = i + 1 < run.length ? run[i + 1]!.at : text.length;
    const itemText = text.slice(mark.textStart, end).trim();
    const from = start + mark.textStart;
    return { number: mark.number, text: itemText, span: { start: from, end: from + itemText.length } };
  });
}

type TextBlock = Extract<Block, { type: 'list_item' | 'paragraph' }>;

/** A paragraph that opens with its name in bold: "**Country ownership:** reforms are…". */
const opensInBold = (block: TextBlock) =>
  Boolean(block.bold[0] && block.text.startsWith(block.bold[0]) && block.bold[0].length <= 80);

/** "Holistic approaches: The need to…" (its name set in bold, or short before a colon). */
function splitNamed(block: TextBlock): Item {
  const item: Item = {
    ...(block.type === 'list_item' && block.ordered && block.number !== null ? { number: block.number } : {}),
    text: block.text,
    span: { start: block.start, end: block.end },
  };
  const bold = block.bold[0];
  const named = bold && block.text.startsWith(bold) ? bold : /^([^:.]{2,60}):\s/.exec(block.text)?.[1];
  if (!named || named.length >= block.text.length - 1) return item;
  const name = named.replace(/[:.]\s*$/, '').trim();
  const rest = block.text.slice(named.length).replace(/^[\s:.]+/, '');
  if (!rest) return item;
  const restStart = block.end - rest.length;
  return {
    ...item,
    text: name,
    span: { start: block.start, end: block.start + name.length },
    description: rest,
    descriptionSpan: { start: restStart, end: block.end },
  };
}

function itemsOf(block: Block): Item[] {
  if (block.type === 'table') {
    return block.rows.flatMap((row) => row.cells.flatMap((cell) => inlineItems(cell.text, cell.start)));
  }
  if (block.type === 'heading') return [];
  const inline = inlineItems(block.text, block.start);
  if (inline.length) return inline;
  return block.type === 'list_item' || opensInBold(block) ? [splitNamed(block)] : [];
}

function nameOf(leadIn: string, heading: string | undefined): string {
  const known = KNOWN_INSTRUMENTS.find(([, re]) => re.test(leadIn));
  if (known) return known[0];
  if (heading) return heading;
  const sentences = leadIn.replace(/:\s*$/, '').split(/(?<=[.!?])\s+(?=[A-Z])/);
  return sentences.at(-1)!.trim();
}

function findLists(model: TextModel): Found[] {
  const blocks = model.blocks;
  const found: Found[] = [];
  let heading: Extract<Block, { type: 'heading' }> | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const lead = blocks[i]!;
    if (lead.type === 'heading') heading = lead;
    if (lead.type === 'table' || lead.type === 'heading' || !/:\s*$/.test(lead.text)) continue;
    const paragraph = numberOf(lead) ?? undefined;
    const items: Item[] = [];
    let j = i + 1;
    for (; j < blocks.length && j <= i + MAX_LIST_BLOCKS; j++) {
      const block = blocks[j]!;
      const nextParagraph = paragraph !== undefined && numberOf(block) === paragraph + 1;
      if (block.type === 'heading' || nextParagraph) break;
      if (block.type !== 'table' && /:\s*$/.test(block.text) && items.length) break;
      items.push(...itemsOf(block));
    }
    if (items.length < 2) continue;
    const after = blocks[j];
    const headingAbove = heading && blocks.indexOf(heading) === i - 1 ? heading.text : undefined;
    const named = [lead.text, headingAbove ?? ''];
    const kind = CHECKLIST.test(lead.text)
      ? 'checklists'
      : named.some((t) => PRINCIPLES.test(t)) ||
          (after && after.type !== 'table' && after.type !== 'heading' && PRINCIPLES_AFTER.test(after.text))
        ? 'principles'
        : null;
    if (!kind) continue;
    found.push({
      kind,
      name: nameOf(lead.text, headingAbove),
      ...(paragraph !== undefined ? { paragraph } : {}),
      lead: { start: lead.start, end: lead.end },
      items,
    });
    i = j - 1;
  }
  return found;
}

export function extractItemisedLists(model: TextModel, draft: Draft) {
  const found = findLists(model);
  for (const kind of ['checklists', 'principles'] as const) {
    const lists = found.filter((f) => f.kind === kind);
    draft.set(
      kind,
      lists.map(({ name, paragraph, items }) => ({
        name,
        ...(paragraph !== undefined ? { paragraph } : {}),
        items: items.map(({ number, text, description }) => ({
          ...(number !== undefined ? { number } : {}),
          text,
          ...(description ? { description } : {}),
        })),
      })),
      lists[0]?.lead,
      0.7,
    );
    lists.forEach((list, l) => {
      draft.trace(`${kind}.${l}`, list.lead);
      list.items.forEach((item, n) => {
        draft.trace(`${kind}.${l}.items.${n}`, item.span);
        draft.trace(`${kind}.${l}.items.${n}.description`, item.descriptionSpan);
      });
    });
  }
}
