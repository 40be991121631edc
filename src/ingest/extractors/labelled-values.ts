// Values read straight from labels and the rows around them: budgets under a budget label
// ("Programme Value £ (full life): £53.2m", "Evaluation Budget(US $): 5,670", "PNUD : $ 1 120 000 OIM :
// $ 880 000 … Total: 2 000 000"), the latest rating of a risk row read sideways ("Risk Rating M H H H
// Major"), and the first recommendation of a record page.
import type { LabelValue } from '../layout/labels.ts';
import { LABELS } from '../lexicon/labels.ts';
import { findMoney } from '../recognise/money.ts';
import { escapeRegExp } from '../recognise/regex.ts';
import type { Span } from '../text-model.ts';

export interface Valued<T> extends Span {
  value: T;
}

const CURRENCY_HINT: [RegExp, string][] = [
  [/US\s?\$|USD|\$/, 'USD'],
  [/£|GBP/, 'GBP'],
  [/€|EUR|euros?/i, 'EUR'],
];

export function findLabelledBudgets(labels: LabelValue[]) {
  const out: { amount: number; currency: string; start: number; end: number }[] = [];
  for (const pair of labels) {
    if (pair.field !== 'budget') continue;
    const hint = CURRENCY_HINT.find(([re]) => re.test(pair.qualifier))?.[1];
    const money = findMoney(pair.value, pair.valueSpan.start);
    for (const m of money) out.push(m);
    const currency = money[0]?.currency ?? hint;
    if (!currency) continue;
    // "Total: 2 000 000", or a bare figure under a label that names its currency.
    const bare = money.length
      ? /\bTotal\s*:\s*(\d{1,3}(?:[ ,\u00a0]\d{3})+|\d+)/i.exec(pair.value)
      : /^(\d{1,3}(?:[ ,\u00a0]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\S)/.exec(pair.value);
    if (bare) {
      const amount = Number(bare[1]!.replace(/[ ,\u00a0]/g, ''));
      const start = pair.valueSpan.start + bare.index + bare[0].indexOf(bare[1]!);
      if (amount > 0 && !out.some((o) => o.amount === amount))
        out.push({ amount, currency, start, end: start + bare[1]!.length });
    }
  }
  return out;
}

const RATING =
  /^(?:Low|Medium|High|Major|Minor|Moderate|Severe|Substantial|Critical|L|M|H|Faible|Moyen|[ÉE]lev[ée]|Bajo|Medio|Alto)$/i;

/** The risk row, labelled ("Risk rating: High") or read sideways from a flattened score table. */
export function findRiskRow(text: string, labels: LabelValue[]): Valued<string> | null {
  let pair: { value: string; valueSpan: Span } | undefined = labels.find((p) => p.field === 'risk');
  if (!pair) {
    const row = new RegExp(
      `(?<![\\p{L}])(?:${LABELS.risk.map(escapeRegExp).join('|')})\\s+(?=\\S)`,
      'iu',
    ).exec(text.slice(0, 6000));
    if (!row) return null;
    const start = row.index + row[0].length;
    pair = { value: text.slice(start, start + 120), valueSpan: { start, end: start + 120 } };
  }
  const tokens = [...pair.value.matchAll(/\S+/g)];
  let last: RegExpMatchArray | undefined;
  for (const t of tokens) {
    if (!RATING.test(t[0])) break;
    last = t;
  }
  if (!last) return null;
  const start = pair.valueSpan.start + last.index!;
  return { value: last[0], start, end: start + last[0].length };
}

const CROSS_REFERENCE =
  /^(?:Recomendaci[oó]n(?:es)?|Recommendations?|Recommandations?)\s+\d+(?:\s*(?:y|and|et|,)\s*\d+)*\.\s*/i;

export function findRecommendationOpening(text: string, labels: LabelValue[]): Valued<string> | null {
  const pair = labels.find((p) => p.field === 'recommendation');
  if (pair) return { value: pair.value, start: pair.valueSpan.start, end: pair.valueSpan.end };
  const heading = /\b(?:Recommendations|Recomendaciones|Recommandations)\s+(?=\d)/.exec(text);
  if (!heading) return null;
  let at = heading.index + heading[0].length;
  let rest = text.slice(at, at + 600);
  for (const strip of [/^\d+\s+/, CROSS_REFERENCE, /^\d+[.)]\s*/]) {
    const m = strip.exec(rest);
    if (m) {
      at += m[0].length;
      rest = rest.slice(m[0].length);
    }
  }
  const sentence = /^[^\n]*?(?:[.;](?=\s|$)|$)/.exec(rest)?.[0].trim();
  if (!sentence || sentence.split(/\s+/).length < 4) return null;
  return { value: sentence, start: at, end: at + sentence.length };
}
