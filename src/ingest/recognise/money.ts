// Amounts of money as budgets write them: "£2.3m", "£1.935m", "GBP 16,000,000", "$705k",
// "US$ 3 million", "€1.2 bn", "1 500 000 EUR", "CAD 250,000".
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
const CODES = 'GBP|EUR|USD|CAD|AUD|CHF|SEK|NOK|DKK|JPY|NZD';
const NUMBER = String.raw`\d{1,3}(?:[,\s\u00a0]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?`;
const SCALE = String.raw`\s?(?:(bn|billion|b)|(m|mn|million|millions|mio)|(k|thousand))\b`;

const PREFIXED = new RegExp(
  String.raw`(US\$|USD\$|C\$|CA\$|A\$|[£€$¥]|\b(?:${CODES})\b)\s?(${NUMBER})(?:${SCALE})?`,
  'giu',
);
const SUFFIXED = new RegExp(
  String.raw`(?<![\w.])(${NUMBER})(?:${SCALE})?\s?(${CODES}|€|euros?|pounds|dollars)\b`,
  'giu',
);

function toNumber(raw: string): number {
  // "1,935" is a thousands separator; "2,3" with one or two decimals is a decimal comma.
  const cleaned = /^\d+,\d{1,2}$/.test(raw) ? raw.replace(',', '.') : raw.replace(/[,\s\u00a0]/g, '');
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
  if (upper === 'DOLLARS') return 'USD';
  return upper;
}

export function findMoney(text: string, base = 0): FoundMoney[] {
  const found: FoundMoney[] = [];
  for (const m of text.matchAll(PREFIXED)) {
    const amount = Math.round(toNumber(m[2]!) * scale(m[3], m[4], m[5]));
    found.push({
      amount,
      currency: currencyOf(m[1]!),
      start: base + m.index,
      end: base + m.index + m[0].length,
    });
  }
  for (const m of text.matchAll(SUFFIXED)) {
    const start = base + m.index;
    if (found.some((f) => start < f.end && f.start < start + m[0].length)) continue;
    const amount = Math.round(toNumber(m[1]!) * scale(m[2], m[3], m[4]));
    found.push({ amount, currency: currencyOf(m[5]!), start, end: start + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
