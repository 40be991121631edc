// The fields every kind shares, read through the layout layer (label–value pairs, header segments)
// and the shared lexicon, after the kind's own extractor has run: title, identifiers, countries and
// regions, period and place, people, labelled budgets, a sideways risk row, the first recommendation
// of a record page, and labelled partner lists. Precision first: a field the evidence does not
// support is cleared, with a low confidence, rather than left to a guess.
import type { DocumentKind } from '../extraction-record.ts';
import { headerSegments } from '../layout/header.ts';
import { findLabelValues, type LabelValue } from '../layout/labels.ts';
import type { LabelField } from '../lexicon/labels.ts';
import { findCountries } from '../recognise/countries.ts';
import { findPeopleWithRoles } from '../recognise/people-roles.ts';
import { allMatches, escapeRegExp } from '../recognise/regex.ts';
import type { TextModel } from '../text-model.ts';
import { findFormBudgets } from './budget-lines.ts';
import { findCountriesOfOperation, findRegionsEnglish, type Placed } from './countries-of-operation.ts';
import type { Draft } from './draft.ts';
import { findLabelledBudgets, findRecommendationOpening, findRiskRow } from './labelled-values.ts';
import { findParticipatingCountries } from './meeting-participants.ts';
import { findTitle } from './title.ts';
import { findMeeting, findProjectPeriod } from './when-where.ts';

// A UNODC-style project code alone in a cover: "UZB/U57", "AD/CAM/99/D43", "XCAX75".
const COVER_CODE = /^(?:[A-Z]{2}\/[A-Z]{3}\/\d{2}\/[A-Z0-9]{3}|[A-Z]{3}\/[A-Z]\d{2}|X[A-Z]{3}\d{2})$/;
// A numbered section or a contents entry ("1.Fortalecimiento … existentes. 5") is not a title.
const SECTION_LINE = /^\d+(?:\.\d+)*\.?\s*\p{Lu}|\s\d{1,3}$/u;
const WHOLE_CODE = /^\s*((?=[^\n]*\d)[A-Z]{2,6}(?:[ /.-][A-Z0-9]{1,6}){1,3})\s*$/;
const CODE = /(?<![\p{L}\p{N}])[A-Z0-9][A-Z0-9/.-]{3,}[A-Z0-9](?![\p{L}\p{N}])/gu;

const PROJECT_KINDS = new Set<DocumentKind>(['annual_review', 'evaluation', 'other']);

// The role of each person a labelled list names.
const LIST_ROLES: Partial<Record<LabelField, string>> = {
  chair: 'Chair',
  team: 'Evaluator',
  prepared_by: 'Author',
  coordinator: 'Coordinator',
};

export interface LabelledOrganisation {
  name: string;
  written: string;
  start: number;
  end: number;
  role: 'funder' | 'partner';
}

export function applyFieldLayer(model: TextModel, draft: Draft, kind: DocumentKind): LabelledOrganisation[] {
  const text = model.text;
  const labels = findLabelValues(text.slice(0, 6000));
  const record = draft.record;

  const title = findTitle(text, kind, labels);
  // The kind's own title stands when it is as sure, or when it is this title with its subtitle.
  // …unless what it adds runs into the form's next label ("… Cooperation Country: Ecuador …").
  const own = draft.provenance.title;
  const runsIntoLabel =
    title && own && labels.some((p) => p.labelSpan.start >= title.span.end && p.labelSpan.start < own.end);
  const extends_ =
    title && !runsIntoLabel && record.title?.toLowerCase().startsWith(title.title.toLowerCase());
  if (title && !extends_ && title.confidence >= (record.title ? (draft.confidence.title ?? 0) : 0) - 0.05)
    draft.set('title', title.title, title.span, title.confidence);
  else if (!title && record.title && ((draft.confidence.title ?? 0) < 0.6 || SECTION_LINE.test(record.title)))
    draft.clear('title');

  if (!record.project_code && title?.code && draft.record.title === title.title)
    draft.set('project_code', title.code.code, title.code.span, 0.8);
  if (!record.project_code) {
    const code = projectCode(text, labels, kind);
    if (code) draft.set('project_code', code.code, code.span, code.confidence);
  }

  // A document of no recognised kind keeps the generic reading of every country it names.
  const unclassified = kind === 'other' && (draft.confidence.kind ?? 0) < 0.5;
  const where = findCountriesOfOperation(
    text,
    kind,
    labels,
    record.title ? draft.provenance.title : undefined,
  );
  for (const key of ['countries', 'regions'] as const) {
    // A kind's own extractor that read a labelled list (confidence 0.7 and up) knows better.
    if (unclassified || (record[key]?.length && (draft.confidence[key] ?? 0) >= 0.7)) continue;
    // A meeting's regions are those its discussions cover, wherever the report names them.
    const found =
      key === 'countries'
        ? kind === 'meeting_report'
          ? withParticipants(where.countries, text)
          : where.countries
        : kind === 'meeting_report'
          ? [
              ...where.regions,
              ...findRegionsEnglish(text).filter((r) => !where.regions.some((w) => w.value === r.value)),
            ]
          : where.regions;
    if (found.length) {
      draft.set(
        key,
        found.map((f) => f.value),
        found[0],
        0.7,
      );
      found.forEach((f, i) => {
        draft.trace(`${key}.${i}`, f);
      });
    } else draft.clear(key);
  }

  if (kind === 'meeting_report') {
    const meeting = findMeeting(text, draft.provenance.title ?? null);
    if (meeting.period)
      draft.set('period', meeting.period.period, meeting.period.span, meeting.period.confidence);
    else if ((draft.confidence.period ?? 0) < 0.8) draft.clear('period');
    if (meeting.place) draft.set('place', meeting.place.name, meeting.place.span, 0.7);
    else if ((draft.confidence.place ?? 0) < 0.8) draft.clear('place');
  } else if (kind !== 'background_note') {
    const period = findProjectPeriod(text, kind, labels);
    if (period) draft.set('period', period.period, period.span, period.confidence);
    else if ((draft.confidence.period ?? 0) < 0.8) draft.clear('period');
  } else if ((draft.confidence.period ?? 0) < 0.8 && !presentedAfterTitle(draft)) draft.clear('period');

  const lists = labels
    .filter((p) => p.field in LIST_ROLES)
    .map((p) => ({ value: p.value, start: p.valueSpan.start, role: LIST_ROLES[p.field] }));
  const people = findPeopleWithRoles(text.slice(0, 6000), lists);
  const merged: { name: string; role?: string }[] = people.map((p) => ({
    name: p.name,
    ...(p.role ? { role: p.role } : {}),
  }));
  for (const k of record.people ?? []) {
    // The kind's recogniser may keep a courtesy title ("Mr Patrick Sansoy") or cut a name short
    // ("Tim Mc"): the marked name found here wins.
    const name = k.name.replace(/^(?:Mr|Mrs|Ms|Dr|Prof|M|Mme|Sr|Sra)\.?\s+/, '');
    const same = merged.find(
      (p) =>
        p.name.toLowerCase().includes(name.toLowerCase()) ||
        name.toLowerCase().includes(p.name.toLowerCase()),
    );
    if (same) same.role ??= k.role;
    else if (name.split(/\s+/).length >= 2 && !isPlace(text, name)) merged.push({ ...k, name });
  }
  const cleaned = merged;
  if (cleaned.length) draft.set('people', cleaned, undefined, 0.65);
  else draft.clear('people');

  if (!record.budget?.length) {
    const labelled = findLabelledBudgets(labels);
    // A project's cover form may state its sums without a label beside them.
    const budgets = labelled.length || !PROJECT_KINDS.has(kind) ? labelled : findFormBudgets(text);
    if (budgets.length)
      draft.set(
        'budget',
        budgets.map(({ amount, currency }) => ({ amount, currency })),
        budgets[0],
        0.7,
      );
  }
  if (!record.risk_rating) {
    const risk = findRiskRow(text, labels);
    if (risk) draft.set('risk_rating', risk.value, risk, 0.7);
  }
  if (!record.recommendations?.length) {
    const first = findRecommendationOpening(text, labels);
    if (first) draft.set('recommendations', [{ text: first.value }], first, 0.6);
  }
  return labelledOrganisations(labels);
}

/** A meeting's countries: those of operation, then those whose delegations took part. */
function withParticipants(countries: Placed[], text: string): Placed[] {
  const listed = findParticipatingCountries(text.slice(0, 6000));
  return [...countries, ...listed.filter((c) => !countries.some((k) => k.value === c.value))];
}

/**
 * A country, or a name the document writes after a preposition of place ("à New York", "in Sierra
 * Leone", "en Lima"), is a place and never a person.
 */
function isPlace(text: string, name: string): boolean {
  if (findCountries(name).some((c) => c.start === 0 && c.end === name.length)) return true;
  return new RegExp(String.raw`(?<![\p{L}])(?:in|at|à|en|au)\s+${escapeRegExp(name)}(?![\p{L}])`, 'u').test(
    text,
  );
}

/**
 * A note's own dateline below its title ("Vienna, Monday 24th April 2006") dates the occasion it was
 * written for; a "Strasbourg, 28 May 2014" above the title is only where and when it was issued.
 */
function presentedAfterTitle(draft: Draft): boolean {
  const date = draft.provenance.date;
  const title = draft.provenance.title;
  return Boolean(
    draft.record.period &&
      date &&
      title &&
      date.start > title.end &&
      draft.record.period.start === draft.record.date,
  );
}

function projectCode(text: string, labels: LabelValue[], kind: DocumentKind) {
  const values = labels.filter((p) => p.field === 'project_code');
  const codes = values.flatMap((p) => {
    // A labelled value that is a code as a whole, space and all: "CAM H90", "AD/CAM 99".
    const whole = WHOLE_CODE.exec(p.value);
    if (whole) return [{ code: whole[1]!, start: p.valueSpan.start + p.value.indexOf(whole[1]!) }];
    return [...allMatches(CODE, p.value)]
      .filter((m) => /\d/.test(m[0]))
      .map((m) => ({ code: m[0], start: p.valueSpan.start + m.index }));
  });
  const distinctValues = new Set(
    values
      .map((p) =>
        (WHOLE_CODE.exec(p.value)?.[1]
          ? [WHOLE_CODE.exec(p.value)![1]!]
          : [...allMatches(CODE, p.value)].map((m) => m[0])
        )
          .filter((c) => /\d/.test(c))
          .join(' '),
      )
      .filter(Boolean),
  );
  // Two labelled projects (phases) give two codes: no single code belongs to the document.
  if (codes.length && distinctValues.size === 1) {
    const best = codes.find((c) => /[A-Z]/.test(c.code) && c.code.includes('/')) ?? codes[0]!;
    return {
      code: best.code,
      span: { start: best.start, end: best.start + best.code.length },
      confidence: 0.85,
    };
  }
  if (codes.length || (kind !== 'evaluation' && kind !== 'annual_review' && kind !== 'other')) return null;
  for (const s of headerSegments(text, 1200)) {
    for (const token of s.text.split(/\s+/)) {
      if (!COVER_CODE.test(token)) continue;
      const start = s.start + s.text.indexOf(token);
      return { code: token, span: { start, end: start + token.length }, confidence: 0.7 };
    }
  }
  return null;
}

function labelledOrganisations(labels: LabelValue[]): LabelledOrganisation[] {
  const out: LabelledOrganisation[] = [];
  for (const pair of labels) {
    if (pair.field !== 'partners' && pair.field !== 'donor') continue;
    // A comma inside brackets does not split a name: "Home Office (including …, … and Border Force)".
    let depth = 0;
    let from = 0;
    const parts: { part: string; at: number }[] = [];
    for (let i = 0; i <= pair.value.length; i++) {
      const c = pair.value[i];
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (i === pair.value.length || (depth === 0 && (c === ',' || c === ';'))) {
        parts.push({ part: pair.value.slice(from, i), at: from });
        from = i + 1;
      }
    }
    for (const { part, at } of parts) {
      const name = part.trim();
      if (!/^\p{Lu}/u.test(name) || name.split(/\s+/).length > 12 || /\d/.test(name) || name.length < 3)
        continue;
      if (/^(?:Project|Yes|No|None|N\/A)$/i.test(name)) continue;
      const start = pair.valueSpan.start + at + part.indexOf(name);
      out.push({
        name,
        written: name,
        start,
        end: start + name.length,
        role: pair.field === 'donor' ? 'funder' : 'partner',
      });
    }
  }
  return out;
}
