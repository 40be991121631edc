// Budgets a project's cover form states without a label beside them: a form flattened into a column
// of labels and then a column of values ("Total Budget: … USD: 316,275,739"), or sums run into one
// line with the words that say what they are ("UNDP: $3,334,127 % of funds committed", "Gastos:
// US$ 1,5 millones"). A sum is a budget when a budget word stands close to it, or when it opens its
// own line under a budget label of the same form; a sum the project lacks, expects or needs
// ("projected shortfall", "déficit") is not one. Only the cover form, before the contents or the
// first long paragraph, is read: sums in the narrative are about anything.
import { BUDGET_WORDS, NOT_BUDGET_WORDS } from '../lexicon/operation.ts';
import { type FoundMoney, findMoney } from '../recognise/money.ts';
import { escapeRegExp } from '../recognise/regex.ts';

const words = (list: string[]) =>
  new RegExp(`(?<![\\p{L}])(?:${list.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'iu');
const BUDGET = words(BUDGET_WORDS);
const NOT_BUDGET = words(NOT_BUDGET_WORDS);
const CONTENTS = /^\s*(?:table of contents|contents|índice|indice|sommaire|table des matières)\s*$/imu;
// How close a budget word must stand to a sum run into a line, before and after it.
const BEFORE = 60;
const AFTER = 40;

/** The cover form: up to the contents, the first long paragraph, or 3,000 characters. */
function coverForm(text: string): string {
  let end = Math.min(text.length, 3000);
  const contents = CONTENTS.exec(text.slice(0, end));
  if (contents) end = contents.index;
  const prose = /[^\n]{600,}/.exec(text.slice(0, end));
  if (prose && /[.!?]\s+\p{Lu}[^\n]*[.!?]\s+\p{Lu}/u.test(prose[0])) end = prose.index;
  return text.slice(0, end);
}

export function findFormBudgets(text: string): FoundMoney[] {
  const form = coverForm(text);
  const out: FoundMoney[] = [];
  for (const money of findMoney(form)) {
    const lineStart = form.lastIndexOf('\n', money.start - 1) + 1;
    const lineEnd = form.indexOf('\n', money.end);
    const before = form.slice(Math.max(lineStart, money.start - BEFORE), money.start);
    const after = form.slice(money.end, Math.min(lineEnd < 0 ? form.length : lineEnd, money.end + AFTER));
    // What the project lacks or needs, said on the sum's own line.
    if (NOT_BUDGET.test(after) || NOT_BUDGET.test(form.slice(lineStart, money.start))) continue;
    const opensLine = /^\s*$/.test(form.slice(lineStart, money.start));
    const labelledAbove = opensLine && BUDGET.test(form.slice(0, lineStart));
    if (!labelledAbove && !BUDGET.test(before) && !BUDGET.test(after)) continue;
    if (money.amount > 0 && !out.some((o) => o.amount === money.amount && o.currency === money.currency))
      out.push(money);
  }
  return out;
}
