import { distinctCountries, findCountries, findRegions } from '../recognise/countries.ts';
import { findPeriod } from '../recognise/dates.ts';
import { parseNumberWord } from '../recognise/numbers.ts';
import type { Span, TextModel } from '../text-model.ts';
import type { Draft } from './draft.ts';
import { extractFindings, extractLessons, extractRecommendations } from './evaluation-sections.ts';
import { findLabelled, sectionItems, splitList } from './fields.ts';
import { completeFromRegistry, type Role } from './organisations.ts';

const PROJECT_CODE = /\b([A-Z]{3,5}\d{2,3}|[A-Z]{2,4}\/[A-Z]\d{2,3})\b/;

const METHODS: [string, RegExp][] = [
  ['interviews', /\binterviews?\b/i],
  ['desk review', /\b(?:desk|document(?:ary)?|literature) review\b/i],
  ['surveys', /\b(?:surveys?|questionnaires?)\b/i],
  ['field missions', /\bfield (?:missions?|visits?)\b|\bsite visits?\b/i],
  ['focus groups', /\bfocus groups?\b/i],
  ['case studies', /\bcase stud(?:y|ies)\b/i],
  ['observation', /\b(?:direct )?observation\b/i],
];

const HONORIFICS = /^(?:Ms|Mrs|Mr|Dr|Prof|Sr|Sra|Mme|M)\.?\s+/;

export interface EvaluationExtras {
  organisations: { name: string; acronym?: string; role: Role; span: Span }[];
}

export function extractEvaluation(model: TextModel, draft: Draft): EvaluationExtras {
  const text = model.text;
  extractTitleAndCode(draft, model);

  const where = findLabelled(model, 'region|countries|country|geographic coverage|location');
  if (where) {
    const regions = findRegions(where.value, where.start);
    draft.set(
      'regions',
      regions.map((r) => r.name),
      where,
      0.9,
    );
    regions.forEach((r, i) => {
      draft.trace(`regions.${i}`, r);
    });
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
  }

  const duration = findLabelled(model, 'duration|project duration|period|implementation period');
  const period = duration ? findPeriod(duration.value, duration.start) : null;
  if (duration && period) draft.setPeriod(period, duration, 0.9);

  const organisations: EvaluationExtras['organisations'] = [];
  const donors = findLabelled(model, 'donors?|funded by|funding');
  if (donors) {
    for (const { part, offset } of splitList(donors.value, () => false)) {
      const start = donors.start + offset;
      organisations.push({
        ...completeFromRegistry(part),
        role: 'funder',
        span: { start, end: start + part.length },
      });
    }
  }

  const head = text.slice(0, 2000);
  const evaluation: NonNullable<typeof draft.record.evaluation> = {};
  const type =
    /\bmid[- ]?term\b/i.exec(head) ??
    /\bfinal\b/i.exec(head) ??
    /\bthematic\b/i.exec(head) ??
    /\bex[- ]post\b/i.exec(head);
  if (type) {
    const word = type[0].toLowerCase();
    evaluation.type = word.startsWith('mid')
      ? 'mid_term'
      : word === 'final'
        ? 'final'
        : word === 'thematic'
          ? 'thematic'
          : 'ex_post';
    draft.trace('evaluation.type', { start: type.index, end: type.index + type[0].length });
  }
  const independence = /\b(independent|internal|self-evaluation)\b/i.exec(head);
  if (independence) {
    evaluation.independent = independence[1]!.toLowerCase() === 'independent';
    draft.trace('evaluation.independent', {
      start: independence.index,
      end: independence.index + independence[0].length,
    });
  }

  const team = findLabelled(model, 'evaluation team|evaluators?|team members?|evaluated by');
  if (team) {
    const members = splitList(team.value).map(({ part, offset }) => {
      const name = part.replace(HONORIFICS, '').trim();
      const start = team.start + offset + part.indexOf(name);
      return { name, span: { start, end: start + name.length } };
    });
    evaluation.team = members.map((m) => m.name).filter(Boolean);
    for (const [i, m] of members.entries()) draft.trace(`evaluation.team.${i}`, m.span);
  }

  const items = sectionItems(model);
  const methodology = items.filter((i) => /methodolog|approach|methods/i.test(i.section));
  const methodText = methodology.length
    ? methodology.map((i) => i.block)
    : [{ text, start: 0, end: text.length }];
  const methods: { name: string; span: Span }[] = [];
  for (const [name, re] of METHODS) {
    for (const block of methodText) {
      const m = re.exec(block.text);
      if (m) {
        methods.push({
          name,
          span: { start: block.start + m.index, end: block.start + m.index + m[0].length },
        });
        break;
      }
    }
  }
  methods.sort((a, b) => a.span.start - b.span.start);
  if (methods.length) evaluation.methods = methods.map((m) => m.name);
  methods.forEach((m, i) => {
    draft.trace(`evaluation.methods.${i}`, m.span);
  });

  const missions = /\bfield (?:missions?|visits?) (?:to|in|were conducted in)\s+([^.;]+)/i.exec(text);
  if (missions) {
    const base = missions.index + missions[0].length - missions[1]!.length;
    const countries = distinctCountries(findCountries(missions[1]!, base));
    if (countries.length) evaluation.field_missions = countries.map((c) => c.code);
    countries.forEach((c, i) => {
      draft.trace(`evaluation.field_missions.${i}`, c);
    });
  }

  const stakeholders = extractStakeholders(text, draft);
  if (stakeholders) evaluation.stakeholders = stakeholders;
  draft.set('evaluation', evaluation, undefined, 0.8);

  extractFindings(draft, items);
  extractRecommendations(draft, items);
  extractLessons(draft, items);
  return { organisations };
}

function extractTitleAndCode(draft: Draft, model: TextModel) {
  const head = model.blocks.slice(0, 8);
  for (const block of head) {
    if (block.type === 'table') continue;
    const quoted = /["“]([^"”]{10,300})["”]/.exec(block.text);
    if (!quoted) continue;
    let title = quoted[1]!.trim();
    const code = /\s*\(([A-Z0-9/]{4,12})\)\s*$/.exec(title);
    const start = block.start + quoted.index + 1;
    if (code && PROJECT_CODE.test(code[1]!)) {
      title = title.slice(0, code.index).trim();
      const codeStart = start + quoted[1]!.indexOf(code[1]!);
      draft.set('project_code', code[1]!, { start: codeStart, end: codeStart + code[1]!.length }, 0.95);
    }
    draft.set('title', title, { start, end: start + title.length }, 0.9);
    break;
  }
  if (!draft.record.title) {
    const first = model.blocks.find(
      (b) => b.type === 'heading' && !/^(evaluation brief|executive summary)$/i.test(b.text),
    );
    if (first && first.type === 'heading') draft.set('title', first.text, first, 0.5);
  }
  if (!draft.record.project_code) {
    const code = PROJECT_CODE.exec(model.text.slice(0, 3000));
    if (code)
      draft.set('project_code', code[1]!, { start: code.index, end: code.index + code[0].length }, 0.7);
  }
}

const NUMBER = String.raw`\d+|(?:[A-Za-z]+-)?[A-Za-z]+`;

function extractStakeholders(text: string, draft: Draft) {
  const result: { total?: number; female?: number; male?: number } = {};
  const total = new RegExp(
    String.raw`\b(?:involved|consulted|interviewed|reached|surveyed|with)\s+(${NUMBER})\s+(?:people|persons|stakeholders|interviewees|respondents|individuals)\b`,
    'i',
  ).exec(text);
  const totalValue = total ? parseNumberWord(total[1]!) : null;
  if (total && totalValue !== null) {
    result.total = totalValue;
    draft.trace('evaluation.stakeholders.total', { start: total.index, end: total.index + total[0].length });
  }
  for (const [key, word] of [
    ['female', /\b(?:female|women)\b/gi],
    ['male', /\b(?:male|men)\b/gi],
  ] as const) {
    for (const m of text.matchAll(word)) {
      // The number is the nearest one before the word in the same clause ("33 … were female").
      const clauseStart = Math.max(
        text.lastIndexOf('.', m.index),
        text.lastIndexOf(';', m.index),
        text.lastIndexOf(',', m.index),
        text.lastIndexOf(' and ', m.index) + 4,
      );
      const clause = text.slice(clauseStart + 1, m.index);
      const numbers = [...clause.matchAll(/(?<![\p{L}\d-])(\d+|(?:[A-Za-z]+-)?[A-Za-z]+)(?![\p{L}\d-])/gu)]
        .map((n) => ({ n, value: parseNumberWord(n[1]!) }))
        .filter((x) => x.value !== null);
      const last = numbers.at(-1);
      if (!last) continue;
      result[key] = last.value!;
      const start = clauseStart + 1 + last.n.index;
      draft.trace(`evaluation.stakeholders.${key}`, { start, end: m.index + m[0].length });
      break;
    }
  }
  if (result.total === undefined && result.female !== undefined && result.male !== undefined)
    result.total = result.female + result.male;
  return Object.keys(result).length ? result : null;
}
