// Amounts of money as budgets write them: "£2.3m", "£1.935m", "GBP 16,000,000", "$705k",
// "US$ 3 million", "€1.2 bn", "1 500 000 EUR", "CAD 250,000", "3.334.127 USD", "US$ 1,5 millones",
// "2 000 000 FCFA".
import { allMatches } from './regex.ts';

export interface FoundMoney {
  amount: number;
  currency: string;
  start: number;
  end: number;
}

const SYMBOLS: Record<string, string> = {
  '£': 'GBP',
  '€': 'EUR',
  $: 'USD',
  US$: 'USD',
  USD$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  '¥': 'JPY',
};
const CODES = 'GBP|EUR|USD|CAD|AUD|CHF|SEK|NOK|DKK|JPY|NZD|XOF';
// Thousands by dots as Spanish and French write them ("3.334.127", "1.250.000,50") come first;
// a single dot group ("4.080") stays a decimal, as English writes it.
const DOT_THOUSANDS = String.raw`\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d{1,3}\.\d{3},\d{1,2}(?!\d)`;
const NUMBER = String.raw`${DOT_THOUSANDS}|\d{1,3}(?:[,\s\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?`;
const SCALE = String.raw`\s?(?:(bn|billions?|b|milliards?|mil\s+millones|mds)|(m|mn|millions?|mio|millones|mill[oó]n)|(k|thousand|mil))(?![\p{L}\p{N}])`;

const PREFIXED = new RegExp(
  String.raw`(US\$|USD\$|C\$|CA\$|A\$|[£€$¥]|\b(?:${CODES})\b)\s?(?::\s?)?(${NUMBER})(?:${SCALE})?`,
  'giu',
);
const SUFFIXED = new RegExp(
  String.raw`(?<![\w.])(${NUMBER})(?:${SCALE})?\s?(?:de\s+)?(${CODES}|€|euros?|pounds|dollars|d[oó]lares|FCFA|francs\s+CFA)(?![\p{L}])`,
  'giu',
);

function toNumber(raw: string): number {
  // "1,935" is a thousands separator; "2,3" with one or two decimals is a decimal comma.
  if (new RegExp(`^(?:${DOT_THOUSANDS})$`).test(raw)) return Number(raw.replace(/\./g, '').replace(',', '.'));
  const cleaned = /^\d+,\d{1,2}$/.test(raw) ? raw.replace(',', '.') : raw.replace(/[,\s\u00a0\u202f]/g, '');
  return Number(cleaned);
}

function scale(billions?: string, millions?: string, thousands?: string): number {
  if (billions) return 1e9;
  if (millions) return 1e6;
  if (thousands) return 1e3;
  return 1;
}

function currencyOf(token: string): string {
  const upper = token.toUpperCase();
  if (SYMBOLS[token]) return SYMBOLS[token]!;
  if (/^EUROS?$/.test(upper)) return 'EUR';
  if (upper === 'POUNDS') return 'GBP';
  if (upper === 'DOLLARS' || /^D[OÓ]LARES$/.test(upper)) return 'USD';
  if (upper === 'FCFA' || /^FRANCS\s+CFA$/.test(upper)) return 'XOF';
  return upper;
}

export function findMoney(text: string, base = 0): FoundMoney[] {
  const found: FoundMoney[] = [];
  for (const m of allMatches(PREFIXED, text)) {
    const amount = Math.round(toNumber(m[2]!) * scale(m[3], m[4], m[5]));
    found.push({
      amount,
      currency: currencyOf(m[1]!),
      start: base + m.index,
      end: base + m.index + m[0].length,
    });
  }
  for (const m of allMatches(SUFFIXED, text)) {
    const start = base + m.index;
    if (found.some((f) => start < f.end && f.start < start + m[0].length)) continue;
    const amount = Math.round(toNumber(m[1]!) * scale(m[2], m[3], m[4]));
    found.push({ amount, currency: currencyOf(m[5]!), start, end: start + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
