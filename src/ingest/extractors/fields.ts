// Finding labelled values ("Start Date: Apr 2015", a "Country/Region:" cell followed by its value
// cell) and walking a document section by section, whichever format the document came in.
import { countryOfHeading } from '../recognise/countries.ts';
import { type Block, type Span, type TextModel, type TextUnit, textUnits } from '../text-model.ts';

export interface Labelled extends Span {
  value: string;
  /** The unit the label was found in. */
  unit: TextUnit;
  /** Further cells of the same row after the value (e.g. a second budget line). */
  rest: TextUnit[];
}

/**
 * The first value labelled by `label` (a regex source matched at the start of a paragraph or
 * cell): either inline after a colon or dash, or the next non-empty cell or paragraph.
 */
export function findLabelled(model: TextModel, label: string, units = textUnits(model)): Labelled | null {
  const inline = new RegExp(`^\\s*(?:${label})\\s*(?:\\([^)]*\\))?\\s*[:\\-–]\\s*(\\S.*)$`, 'is');
  const alone = new RegExp(`^\\s*(?:${label})\\s*(?:\\([^)]*\\))?\\s*[:.]?\\s*$`, 'i');
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const m = inline.exec(unit.text);
    if (m) {
      const offset = unit.text.length - m[1]!.length;
      return {
        value: m[1]!.trim(),
        start: unit.start + offset,
        end: unit.end,
        unit,
        rest: restOfRow(units, i),
      };
    }
    if (alone.test(unit.text)) {
      const next = units[i + 1];
      const sameRow = next && unit.row && next.row === unit.row;
      // A label cell's value is the next cell of its row; a label paragraph's is the next paragraph.
      if (next && (sameRow || (!unit.row && next.block.type !== 'heading'))) {
        return {
          value: next.text,
          start: next.start,
          end: next.end,
          unit,
          rest: sameRow ? restOfRow(units, i + 1) : [],
        };
      }
    }
  }
  return null;
}

function restOfRow(units: TextUnit[], index: number): TextUnit[] {
  const row = units[index]!.row;
  if (!row) return [];
  const rest: TextUnit[] = [];
  for (let j = index + 1; j < units.length && units[j]!.row === row; j++) rest.push(units[j]!);
  return rest;
}

const SECTION_OPENING =
  /^(?:summary of |key |main )?(?:recommendations?|progress|lessons? learn|good practices?|findings|conclusions?|background|methodology)\b/i;

export interface SectionItem {
  block: Extract<Block, { type: 'paragraph' | 'list_item' }>;
  /** The heading text of the section it sits in. */
  section: string;
  /** ISO code of the country sub-heading it sits under, if any. */
  country: string | null;
}

/**
 * Paragraphs and list items in document order, each with its section heading and the country
 * heading above it. A short paragraph that only names a country counts as a country heading,
 * since PDFs and plain Word files often set those as bold paragraphs rather than headings.
 */
export function sectionItems(model: TextModel): SectionItem[] {
  const items: SectionItem[] = [];
  let section = '';
  let country: string | null = null;
  for (const block of model.blocks) {
    if (block.type === 'table') continue;
    const asCountry = block.text.length < 40 ? countryOfHeading(block.text) : null;
    if (asCountry) {
      country = asCountry;
      continue;
    }
    // A short unpunctuated line that opens a known section is a heading set as plain text.
    const sectionLine =
      block.type === 'paragraph' &&
      block.text.length < 90 &&
      !/[.;:]$/.test(block.text) &&
      SECTION_OPENING.test(block.text);
    if (block.type === 'heading' || sectionLine) {
      section = block.text;
      country = null;
      continue;
    }
    items.push({ block, section, country });
  }
  return items;
}

/** A value's span inside a unit: where `part` occurs in `unit` text at or after `from`. */
export function spanWithin(unit: Span & { text: string }, part: string, from = 0): Span {
  const at = unit.text.indexOf(part, from);
  const start = unit.start + Math.max(0, at);
  return { start, end: start + (at >= 0 ? part.length : unit.text.length) };
}

/** Converts "INTEGRITY OF COUNTER NARCOTICS" to "Integrity of Counter Narcotics". */
export function titleCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  const small = new Set([
    'of',
    'and',
    'the',
    'in',
    'for',
    'on',
    'to',
    'a',
    'an',
    'at',
    'by',
    'with',
    'de',
    'la',
    'y',
    'et',
    'du',
    'des',
    'le',
  ]);
  return text
    .toLowerCase()
    .split(/(\s+)/)
    .map((word, i) => (i > 0 && small.has(word) ? word : word.replace(/^(\p{L})/u, (c) => c.toUpperCase())))
    .join('');
}

/**
 * Splits "A, B and C" into its parts with their offsets in `text`. `splitOnAnd` decides whether
 * an "and" separates two items ("Peru and Colombia") or belongs to one ("Foreign and Commonwealth Office").
 */
export function splitList(
  text: string,
  splitOnAnd: (left: string, right: string) => boolean = () => true,
): { part: string; offset: number }[] {
  const parts: { part: string; offset: number }[] = [];
  const push = (piece: string, offset: number) => {
    const trimmed = piece.trim();
    if (trimmed) parts.push({ part: trimmed, offset: offset + piece.indexOf(trimmed) });
  };
  for (const m of text.matchAll(/[^,;]+/g)) {
    const and = /\s+(?:and|y|et|&)\s+/.exec(m[0]);
    if (and && splitOnAnd(m[0].slice(0, and.index).trim(), m[0].slice(and.index + and[0].length).trim())) {
      push(m[0].slice(0, and.index), m.index);
      push(m[0].slice(and.index + and[0].length), m.index + and.index + and[0].length);
    } else push(m[0], m.index);
  }
  return parts;
}
