// Date ranges as English, Spanish and French texts write them, each with the span it came from:
// "2-3 October 2008", "del 5 al 7 de marzo de 2019", "du 3 au 5 mai 2007", "28 y 29 de noviembre
// de 2012", "les 9 et 11 novembre 2011", "31 de marzo, 1 y 2 de abril de 2009", "4 mars au 3
// juillet 2019", "1 April 2006 - 31 August 2008", "November 2015 - May 2016", "2013-2017".
// A single date or month is a range of one. Results are ISO 8601, as precise as the text.
import type { Span } from '../text-model.ts';
import { findDates, MONTH, MONTHS } from './dates.ts';

export interface DateRange {
  from: string;
  to: string;
  span: Span;
  /** True when the text gave one date (or month) only. */
  single: boolean;
}

const pad = (n: number | string) => String(n).padStart(2, '0');
const month = (name: string) => pad(MONTHS[name.toLowerCase().replace(/\.$/, '')]!);
const DAY = String.raw`(\d{1,2})\s?(?:st|nd|rd|th|er|º)?`;
const TO = String.raw`\s*(?:-|–|—|al|au|to|a|until|hasta|jusqu['’]au)\s*`;
const AND = String.raw`\s*(?:y|et|and|&|,)\s*`;
const OF = String.raw`\s+(?:de\s+)?`;
const YEAR = String.raw`(\d{4})`;

const ONLY_TO = new RegExp(`^${TO}$`, 'iu');
const YEARS_PATTERN = /(?<![\d/.-])((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?![\d/.-])/y;

const RANGE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [string, string] | null }[] = [
  // 31 de marzo, 1 y 2 de abril de 2009 (two months, one year)
  {
    re: new RegExp(
      String.raw`${DAY}${OF}${MONTH},?\s+(?:\d{1,2}${AND})*${DAY}${OF}${MONTH}${OF}${YEAR}`,
      'iuy',
    ),
    read: (m) => [`${m[5]}-${month(m[2]!)}-${pad(m[1]!)}`, `${m[5]}-${month(m[4]!)}-${pad(m[3]!)}`],
  },
  // 4 mars au 3 juillet 2019; 30 th April to 30 May 2018
  {
    re: new RegExp(`${DAY}${OF}${MONTH}${TO}${DAY}${OF}${MONTH}${OF}${YEAR}`, 'iuy'),
    read: (m) => [`${m[5]}-${month(m[2]!)}-${pad(m[1]!)}`, `${m[5]}-${month(m[4]!)}-${pad(m[3]!)}`],
  },
  // 2-3 October 2008; del 5 al 7 de marzo de 2019; du 02 au 04 juin 2015; 12 a 19 de abril de 2010
  {
    re: new RegExp(
      String.raw`(?:(?:del|du|from|entre el|les|le)\s+)?${DAY}${TO}${DAY}${OF}${MONTH}${OF}${YEAR}`,
      'iuy',
    ),
    read: (m) => [`${m[4]}-${month(m[3]!)}-${pad(m[1]!)}`, `${m[4]}-${month(m[3]!)}-${pad(m[2]!)}`],
  },
  // 28 y 29 de noviembre de 2012; les 9 et 11 novembre 2011; 9, 10 and 11 May 2015
  {
    re: new RegExp(
      String.raw`(?:(?:los días|los dias|les|el|the)\s+)?${DAY}(?:${AND}\d{1,2})*${AND}${DAY}${OF}${MONTH}${OF}${YEAR}`,
      'iuy',
    ),
    read: (m) => [`${m[4]}-${month(m[3]!)}-${pad(m[1]!)}`, `${m[4]}-${month(m[3]!)}-${pad(m[2]!)}`],
  },
  // October 30 - November 1, 2099; September 8-10, 2099; September 8 and 9, 2099 (month first)
  {
    re: new RegExp(String.raw`${MONTH}\s+${DAY}${TO}${MONTH}\s+${DAY},?\s+${YEAR}`, 'iuy'),
    read: (m) => [`${m[5]}-${month(m[1]!)}-${pad(m[2]!)}`, `${m[5]}-${month(m[3]!)}-${pad(m[4]!)}`],
  },
  {
    re: new RegExp(
      String.raw`${MONTH}\s+${DAY}(?:(?:${TO})|(?:${AND}\d{1,2})*${AND})${DAY},?\s+${YEAR}`,
      'iuy',
    ),
    read: (m) => [`${m[4]}-${month(m[1]!)}-${pad(m[2]!)}`, `${m[4]}-${month(m[1]!)}-${pad(m[3]!)}`],
  },
  // Enero - Diciembre de 2015; January to March 2016
  {
    re: new RegExp(`${MONTH}${TO}${MONTH}${OF}${YEAR}`, 'iuy'),
    read: (m) => [`${m[3]}-${month(m[1]!)}`, `${m[3]}-${month(m[2]!)}`],
  },
  // 2013-2017, 2013 – 2017 (years only, the second later than the first)
  {
    re: YEARS_PATTERN,
    read: (m) => (Number(m[2]) > Number(m[1]) ? [m[1]!, m[2]!] : null),
  },
];

/** Every date range in `text` (spans offset by `base`), left to right; full dates joined by "to". */
// Words a range can open with: a month, or "del", "du", "from", "les"….
const OPENERS = new Set(['del', 'du', 'from', 'entre', 'les', 'le', 'los', 'el', 'the']);
const WORD_AT = /\p{L}+/uy;
const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;

/** Only digits and opening words can start a range: skip every other position cheaply. */
function canOpen(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) return true;
  WORD_AT.lastIndex = i;
  const word = WORD_AT.exec(text)?.[0].toLowerCase();
  if (word === undefined) return false;
  if (Object.hasOwn(MONTHS, word)) return true;
  // "del 5 al 7", "les 9 et 11": an opening word counts only before a day number.
  return OPENERS.has(word) && /^\s+(?:d[ií]as\s+)?\d/.test(text.slice(i + word.length, i + word.length + 8));
}

export function findRanges(text: string, base = 0): DateRange[] {
  const found: DateRange[] = [];
  // Month names, found once: a range with a month can only start up to 40 characters before one.
  const months: number[] = [];
  for (const m of text.matchAll(/\p{L}+/gu))
    if (Object.hasOwn(MONTHS, m[0].toLowerCase())) months.push(m.index);
  let next = 0;
  // Only where a word or number begins (one scan, not a test at every character).
  WORD_START.lastIndex = 0;
  for (let start = WORD_START.exec(text); start; start = WORD_START.exec(text)) {
    const i = start.index;
    if (!canOpen(text, i)) continue;
    while (next < months.length && months[next]! < i) next++;
    const monthSoon = next < months.length && months[next]! - i <= 40;
    const year = /^(?:19|20)\d{2}/.test(text.slice(i, i + 4));
    for (const { re, read } of RANGE_PATTERNS) {
      if (!(re === YEARS_PATTERN ? year : monthSoon)) continue;
      re.lastIndex = i;
      const m = re.exec(text);
      const value = m && read(m);
      if (!m || !value) continue;
      found.push({ from: value[0], to: value[1], single: false, span: span(base + i, m[0].length) });
      WORD_START.lastIndex = i + m[0].length;
      break;
    }
  }
  // Single dates, and two dates joined by a dash or "to" ("01 April 2006 -31 August 2008").
  const dates = findDates(text).filter(
    (d) => !found.some((r) => d.start < r.span.end - base && r.span.start - base < d.end),
  );
  for (let k = 0; k < dates.length; k++) {
    const d = dates[k]!;
    const next = dates[k + 1];
    const between = next ? text.slice(d.end, next.start) : '';
    if (next && ONLY_TO.test(between) && next.iso > d.iso && !/^\d{4}$/.test(d.iso)) {
      found.push({
        from: d.iso,
        to: next.iso,
        single: false,
        span: span(base + d.start, next.end - d.start),
      });
      k++;
    } else found.push({ from: d.iso, to: d.iso, single: true, span: span(base + d.start, d.end - d.start) });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

function span(start: number, length: number): Span {
  return { start, end: start + length };
}
