// Annual review summary sheets (DFID / FCO / CSSF and the like): the labelled header fields,
// outputs with their scores, outcome, risk, the year-by-year score table, and the progress and
// recommendation paragraphs of each country section.
import { distinctCountries, findCountries, findRegions } from '../recognise/countries.ts';
import { findPeriod, ONGOING } from '../recognise/dates.ts';
import { findMoney } from '../recognise/money.ts';
import { findKnownOrganisation } from '../recognise/organisations.ts';
import { type Span, type TextModel, textUnits } from '../text-model.ts';
import { extractOutputs, extractScoreHistory, RISK } from './annual-review-scores.ts';
import type { Draft } from './draft.ts';
import { findLabelled, sectionItems, spanWithin, splitList } from './fields.ts';
import { completeFromRegistry, type Role } from './organisations.ts';

export interface AnnualReviewExtras {
  organisations: { name: string; acronym?: string; role: Role; span: Span }[];
}

export function extractAnnualReview(model: TextModel, draft: Draft): AnnualReviewExtras {
  const units = textUnits(model);
  const label = (re: string) => findLabelled(model, re, units);

  const title = label('programme title|project title|programme name|project name|title');
  if (title) draft.set('title', title.value, title, 0.95);

  const where = label('country\\s*/\\s*region|countries|country|regions?|location');
  if (where) {
    const countries = distinctCountries(findCountries(where.value, where.start));
    draft.set(
      'countries',
      countries.map((c) => c.code),
      where,
      0.9,
    );
    countries.forEach((c, i) => {
      draft.trace(`countries.${i}`, c);
    });
    const regions = findRegions(where.value, where.start);
    draft.set(
      'regions',
      regions.map((r) => r.name),
      where,
      0.85,
    );
    regions.forEach((r, i) => {
      draft.trace(`regions.${i}`, r);
    });
    if (!regions.length) draft.record.regions = [];
  }

  const organisations = extractPartners(
    label('(?:HMG |delivery |implementing )?partners?(?: \\(lead in bold\\))?'),
  );

  extractBudget(draft, label('total budget|budget'));
  extractPeriod(draft, label('start date|start'), label('end date|end'), label('duration|dates|period'));
  extractOutputs(draft, model);

  const outcome = label('outcome(?: statement)?');
  const outcomeScore = label('outcome score|outcome rating');
  if (outcome || outcomeScore) {
    const score = outcomeScore?.value.match(/^(A\+\+|A\+|A|B\+|B|C|[1-4])\b/)?.[1];
    draft.set('outcome', { statement: outcome?.value, score }, outcome ?? outcomeScore ?? undefined, 0.9);
    if (outcome) draft.trace('outcome.statement', outcome);
    if (outcomeScore && score)
      draft.trace('outcome.score', spanWithin({ ...outcomeScore, text: outcomeScore.value }, score));
  }

  const risk = label('risk rating|overall risk(?: rating)?|risk');
  const riskValue = risk ? RISK.exec(risk.value) : null;
  if (risk && riskValue) {
    const value = riskValue[1]!.length === 2 ? riskValue[1]!.toUpperCase() : capitalise(riskValue[1]!);
    draft.set('risk_rating', value, spanWithin({ ...risk, text: risk.value }, riskValue[0]), 0.9);
  }

  extractScoreHistory(draft, model);
  extractCountrySections(draft, model);
  return { organisations };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

function extractPartners(partners: ReturnType<typeof findLabelled>): AnnualReviewExtras['organisations'] {
  if (!partners) return [];
  const leadInBold = /lead in bold/i.test(partners.unit.text);
  const bold = partners.unit.row?.cells.flatMap((c) => c.bold) ?? [];
  const isOrg = (text: string) => Boolean(findKnownOrganisation(text.replace(/\s*\(.*\)$/, '')));
  return splitList(partners.value, (left, right) => isOrg(left) && isOrg(right)).map(({ part, offset }) => {
    const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(part);
    const rawName = m ? m[1]! : part;
    const inner = m?.[2];
    const lead = /\blead\b/i.test(inner ?? '') || (leadInBold && bold.some((b) => b.includes(rawName)));
    const acronym = inner && /^[A-Z][A-Za-z&]{1,9}$/.test(inner) ? inner : undefined;
    const completed = completeFromRegistry(rawName.replace(/\s*\blead\b\s*/i, '').trim(), acronym);
    const start = partners.start + offset;
    return { ...completed, role: lead ? 'lead' : 'partner', span: { start, end: start + part.length } };
  });
}

function extractBudget(draft: Draft, budget: ReturnType<typeof findLabelled>) {
  if (!budget) return;
  const pieces: { text: string; start: number }[] = [
    { text: budget.value, start: budget.start },
    ...budget.rest.map((u) => ({ text: u.text, start: u.start })),
  ];
  const lines: { amount: number; currency: string; category?: 'ODA' | 'non-ODA'; span: Span }[] = [];
  for (const piece of pieces) {
    for (const money of findMoney(piece.text, piece.start)) {
      // The category is the last "ODA" / "non-ODA" label before the amount.
      const before = piece.text.slice(0, money.start - piece.start);
      const labels = [...before.matchAll(/\b(non[-\s]?oda|oda)\b/gi)];
      const last = labels.at(-1)?.[1];
      const category = last ? (/^non/i.test(last) ? 'non-ODA' : 'ODA') : undefined;
      lines.push({ amount: money.amount, currency: money.currency, category, span: money });
    }
  }
  draft.set(
    'budget',
    lines.map(({ span: _span, category, ...line }) => (category ? { ...line, category } : line)),
    budget,
    0.9,
  );
  lines.forEach((line, i) => {
    draft.trace(`budget.${i}`, line.span);
  });
}

function extractPeriod(
  draft: Draft,
  start: ReturnType<typeof findLabelled>,
  end: ReturnType<typeof findLabelled>,
  range: ReturnType<typeof findLabelled>,
) {
  const startDate = start ? findPeriod(start.value, start.start)?.start : undefined;
  const endPeriod = end ? findPeriod(end.value, end.start) : undefined;
  const ongoingEnd = end ? ONGOING.exec(end.value) : null;
  if (startDate || endPeriod || ongoingEnd) {
    const ongoing = Boolean(ongoingEnd);
    draft.set(
      'period',
      { start: startDate?.iso ?? null, end: ongoing ? null : (endPeriod?.start?.iso ?? null), ongoing },
      start ?? end ?? undefined,
      0.9,
    );
    draft.trace('period.start', startDate);
    draft.trace(
      'period.end',
      ongoing && end ? spanWithin({ ...end, text: end.value }, ongoingEnd![0]) : endPeriod?.start,
    );
    return;
  }
  const found = range ? findPeriod(range.value, range.start) : null;
  if (range && found) draft.setPeriod(found, range, 0.8);
}

function extractCountrySections(draft: Draft, model: TextModel) {
  const progress: NonNullable<typeof draft.record.progress> = [];
  const recommendations: NonNullable<typeof draft.record.recommendations> = [];
  const progressSpans: Span[] = [];
  const recommendationSpans: Span[] = [];
  for (const { block, section, country } of sectionItems(model)) {
    if (/recommendation/i.test(section)) {
      recommendations.push({
        ...(block.type === 'list_item' && block.number !== null ? { number: block.number } : {}),
        text: block.text,
        ...(country ? { country } : {}),
      });
      recommendationSpans.push(block);
    } else if (/progress|lessons learnt|lessons learned|actions taken|performance narrative/i.test(section)) {
      progress.push({ text: block.text, ...(country ? { country } : {}) });
      progressSpans.push(block);
    }
  }
  draft.set('progress', progress, undefined, 0.8);
  progressSpans.forEach((s, i) => {
    draft.trace(`progress.${i}`, s);
  });
  draft.set('recommendations', recommendations, undefined, 0.8);
  recommendationSpans.forEach((s, i) => {
    draft.trace(`recommendations.${i}`, s);
  });
}
