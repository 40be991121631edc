// Dates as contributors write them: "Apr 2015", "March 2020", "1 June 2015", "June 1, 2015",
// "01/06/2015" (day first), "2015-06-01", "15/16" financial years, Spanish and French month
// names, and "Ongoing". Results are ISO 8601, exactly as precise as the text.
export const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ['january', 'jan', 'enero', 'ene', 'janvier', 'janv']],
  [2, ['february', 'feb', 'febrero', 'février', 'fevrier', 'févr']],
  [3, ['march', 'mar', 'marzo', 'mars']],
  [4, ['april', 'apr', 'abril', 'abr', 'avril', 'avr']],
  [5, ['may', 'mayo', 'mai']],
  [6, ['june', 'jun', 'junio', 'juin']],
  [7, ['july', 'jul', 'julio', 'juillet', 'juil']],
  [8, ['august', 'aug', 'agosto', 'ago', 'août', 'aout']],
  [9, ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'septembre']],
  [10, ['october', 'oct', 'octubre', 'octobre']],
  [11, ['november', 'nov', 'noviembre', 'novembre']],
  [12, ['december', 'dec', 'diciembre', 'dic', 'décembre', 'decembre', 'déc']],
];
for (const [n, names] of monthNames) for (const name of names) MONTHS[name] = n;

export const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const pad = (n: number) => String(n).padStart(2, '0');

export interface FoundDate {
  iso: string;
  start: number;
  end: number;
}

const PATTERNS: { re: RegExp; iso: (m: RegExpExecArray) => string | null }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/iy, iso: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  {
    re: new RegExp(
      `\\b(\\d{1,2})\\s?(?:st|nd|rd|th|er|º)?\\s+(?:de\\s+)?${MONTH}\\s+(?:de\\s+)?(\\d{4})\\b`,
      'iuy',
    ),
    iso: (m) => `${m[3]}-${pad(MONTHS[m[2]!.toLowerCase()]!)}-${pad(Number(m[1]))}`,
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,\\s*(\\d{4})\\b`, 'iuy'),
    iso: (m) => `${m[3]}-${pad(MONTHS[m[1]!.toLowerCase()]!)}-${pad(Number(m[2]))}`,
  },
  {
    re: new RegExp(`\\b${MONTH}[\\s,-]+(?:de\\s+)?(\\d{4})\\b`, 'iuy'),
    iso: (m) => `${m[2]}-${pad(MONTHS[m[1]!.toLowerCase()]!)}`,
  },
  {
    re: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/y,
    iso: (m) =>
      Number(m[2]) <= 12 && Number(m[1]) <= 31 ? `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}` : null,
  },
  // "09/2012": month and year, as record pages write planned and actual dates.
  { re: /\b(\d{1,2})\/(\d{4})\b/y, iso: (m) => (Number(m[1]) <= 12 ? `${m[2]}-${pad(Number(m[1]))}` : null) },
  { re: /\b(\d{4})-(\d{2})\b(?!-)/y, iso: (m) => (Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null) },
  { re: /\b((?:19|20)\d{2})\b/y, iso: (m) => m[1]! },
];

const WORD_AT = /\p{L}+/uy;
const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;

/** A date starts with a digit or a month name; every other position is skipped cheaply. */
function mayStartDate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) return true;
  WORD_AT.lastIndex = i;
  const word = WORD_AT.exec(text)?.[0].toLowerCase();
  return word !== undefined && Object.hasOwn(MONTHS, word);
}

/** Every date in `text`, left to right, the most precise reading at each position. */
export function findDates(text: string, base = 0): FoundDate[] {
  const found: FoundDate[] = [];
  // Only where a word or number begins (one scan, not a test at every character).
  WORD_START.lastIndex = 0;
  for (let start = WORD_START.exec(text); start; start = WORD_START.exec(text)) {
    const i = start.index;
    if (!mayStartDate(text, i)) continue;
    for (const { re, iso } of PATTERNS) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      const value = iso(m);
      if (!value) continue;
      found.push({ iso: value, start: base + i, end: base + i + m[0].length });
      WORD_START.lastIndex = i + m[0].length;
      break;
    }
  }
  return found;
}

export const ONGOING = /\b(ongoing|on-going|open-ended|en curso|en cours)\b/i;

export interface FoundPeriod {
  start?: FoundDate;
  end?: FoundDate;
  ongoing: boolean;
  ongoingSpan?: { start: number; end: number };
}

/** "April 2016-March 2018", "2016 to 2018", "from 1 June 2015 – Ongoing". */
export function findPeriod(text: string, base = 0): FoundPeriod | null {
  const dates = findDates(text, base);
  const ongoing = ONGOING.exec(text);
  if (!dates.length) return null;
  return {
    start: dates[0],
    end: ongoing ? undefined : dates[1],
    ongoing: Boolean(ongoing),
    ongoingSpan: ongoing
      ? { start: base + ongoing.index, end: base + ongoing.index + ongoing[0].length }
      : undefined,
  };
}

/** "15/16" or "2015/16" or "FY2015-16" → "2015/16". */
export function normaliseFinancialYear(text: string): string | null {
  const m = /^(?:FY\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$/i.exec(text.trim());
  if (!m) return null;
  const first = m[1]!.length === 2 ? `20${m[1]}` : m[1]!;
  const second = m[2]!.slice(-2);
  if (Number(second) !== (Number(first.slice(-2)) + 1) % 100) return null;
  return `${first}/${second}`;
}
