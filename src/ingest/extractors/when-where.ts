// When and where, told apart by what the dates belong to:
// - a project's period comes from its labels (Start Date / Date de début / Fecha de inicio, End
//   Date, Duration) — a flattened form may put the value just before its label — from "Phase …"
//   lines (the phases together), or, for an evaluation, from a year range alone on its cover;
// - a meeting's period and place come from the header after the title ("2-3 October 2008",
//   "Genève, les 9 et 11 novembre 2011") or from a sentence saying it was held ("se llevó a cabo en
//   Quito, Ecuador, durante los días 28 y 29 de noviembre de 2012");
// - report dates, review dates, evaluation dates and the issuing "Strasbourg, 20 October 2008"
//   line are none of these, so they are never read.
import type { DocumentKind, Period } from '../extraction-record.ts';
import { headerSegments } from '../layout/header.ts';
import type { LabelValue } from '../layout/labels.ts';
import { findCountries } from '../recognise/countries.ts';
import { MONTH, ONGOING } from '../recognise/dates.ts';
import { findKnownOrganisation } from '../recognise/organisations.ts';
import { type DateRange, findRanges } from '../recognise/ranges.ts';
import { allMatches } from '../recognise/regex.ts';
import type { Span } from '../text-model.ts';
import { capitalise } from './countries-of-operation.ts';

export interface FoundPeriod {
  period: Period;
  span: Span;
  confidence: number;
}

const firstRange = (value: string, base: number): DateRange | undefined => findRanges(value, base)[0];

export function findProjectPeriod(
  text: string,
  kind: DocumentKind,
  labels: LabelValue[],
): FoundPeriod | null {
  const start = labels.find((p) => p.field === 'start');
  const end = labels.find((p) => p.field === 'end');
  const from = start && firstRange(start.value, start.valueSpan.start);
  let to = end && firstRange(end.value, end.valueSpan.start);
  if (from && end && ONGOING.test(end.value.split(/\s{2,}|\t/)[0]!))
    return {
      period: { start: from.from, end: null, ongoing: true },
      span: { start: from.span.start, end: end.valueSpan.end },
      confidence: 0.8,
    };
  if (end && !to) {
    // "Expected Operational 30th December 2016 Project Closure Date:": the value before the label.
    const before = text.slice(Math.max(0, end.labelSpan.start - 60), end.labelSpan.start);
    const ranges = findRanges(before, Math.max(0, end.labelSpan.start - 60));
    // …unless that date is the start's own value.
    to = ranges
      .filter((r) => !start || r.span.start >= start.valueSpan.end || r.span.end <= start.valueSpan.start)
      .at(-1);
  }
  if (from || to) {
    const period: Period = {};
    if (from) period.start = from.from;
    if (to) {
      period.end = to.to;
      period.ongoing = false;
    }
    const span = { start: (from ?? to)!.span.start, end: (to ?? from)!.span.end };
    return { period, span, confidence: 0.8 };
  }
  const duration = labels.find((p) => p.field === 'duration');
  const range = duration && findRanges(duration.value, duration.valueSpan.start).find((r) => !r.single);
  if (range)
    return {
      period: { start: range.from, end: range.to, ongoing: false },
      span: range.span,
      confidence: 0.75,
    };
  const phases = phasePeriod(text);
  if (phases) return phases;
  const prose = implementationPeriod(text);
  if (prose) return prose;
  if (kind === 'evaluation') {
    // A year range alone on a cover line ("2013-2017") is the period the evaluation covers.
    const cover = headerSegments(text, 800).find(
      (s) => s.kind === 'date' && s.lineEnd && /^\d{4}\s*[-–]\s*\d{4}$/.test(s.text),
    );
    const r = cover && findRanges(cover.text, cover.start)[0];
    if (r) return { period: { start: r.from, end: r.to, ongoing: false }, span: r.span, confidence: 0.6 };
  }
  return null;
}

// Words that say a range is the time a project runs, in three languages.
const IMPLEMENTATION =
  /(?<![\p{L}])(?:implementation period|period of implementation|project period|programme period|implemented (?:from|between)|p[ée]riode (?:de mise en [œo]e?uvre|d['’]ex[ée]cution)|mis en [œo]e?uvre (?:du|entre)|per[ií]odo de (?:ejecuci[oó]n|implementaci[oó]n)|ejecutado (?:del|entre))(?![\p{L}])/giu;
const EVALUATION_WORD = /(?<![\p{L}])(?:evaluat|[ée]valu|evalua)/iu;

/**
 * "…pour une période de mise en œuvre s'étendant du 1er mai 2021 au 31 octobre 2024": a range
 * shortly after words naming the implementation period, in a sentence that is not about the
 * evaluation (whose own period is a different one).
 */
function implementationPeriod(text: string): FoundPeriod | null {
  const head = text.slice(0, 4000);
  for (const m of allMatches(IMPLEMENTATION, head)) {
    const sentenceStart = Math.max(head.lastIndexOf('. ', m.index), head.lastIndexOf('\n', m.index)) + 1;
    if (EVALUATION_WORD.test(head.slice(sentenceStart, m.index))) continue;
    const from = m.index + m[0].length;
    const window = head.slice(from, from + 80).split(/[.;\n]/)[0]!;
    const r = findRanges(window, from).find((x) => !x.single);
    if (r) {
      const period: Period = { start: r.from, end: r.to, ongoing: false };
      return { period, span: r.span, confidence: 0.7 };
    }
  }
  return null;
}

/** "Phase IV: … 01 April 2006 - 31 August 2008 … Phase V: … 01 September 2008-31 August 2010". */
function phasePeriod(text: string): FoundPeriod | null {
  const ranges: DateRange[] = [];
  for (const m of text.slice(0, 4000).matchAll(/\bPhase\s+[IVX\d]+\s*:([^\n]*(?:\n\n?[^\n]*)?)/g)) {
    const r = findRanges(m[1]!, m.index + m[0].indexOf(m[1]!)).find((x) => !x.single && x.from.length === 10);
    if (r) ranges.push(r);
  }
  if (ranges.length < 2) return null;
  const start = ranges.reduce((a, b) => (a.from <= b.from ? a : b));
  const end = ranges.reduce((a, b) => (a.to >= b.to ? a : b));
  return {
    period: { start: start.from, end: end.to, ongoing: false },
    span: { start: start.span.start, end: end.span.end },
    confidence: 0.7,
  };
}

const MONTH_WORD = new RegExp(`^${MONTH}$`, 'iu');

const HELD =
  /\b(?:held|took place|was convened|met|se llev[oó] a cabo|celebrad[ao]s?|tuvo lugar|se reuni[oó]|tenue?s?|s['’]est tenue?|a eu lieu|s['’]est d[ée]roul[ée]e?|r[ée]unis?)\b/giu;

export interface FoundMeeting {
  period?: FoundPeriod;
  place?: { name: string; span: Span };
}

/** The meeting's dates and venue, from the header around the title or a "was held" sentence. */
export function findMeeting(text: string, titleSpan: Span | null): FoundMeeting {
  const found: FoundMeeting = {};
  const segments = headerSegments(text, 2000);
  const afterTitle = (s: Span) => titleSpan !== null && s.start >= titleSpan.end;
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k]!;
    const prev = segments[k - 1];
    // "Strasbourg, 20 October 2008" above the title is where and when the document was issued;
    // a date right after a document symbol is the document's date.
    if (s.kind === 'place' && afterTitle(s) && !found.place) {
      // "Nairobi, Kenya,": the city before its country.
      const name = s.text
        .replace(/,\s*(?:le|el|the|den|les)?$/u, '')
        .split(',')[0]!
        .trim();
      if (!findCountries(name).some((c) => c.start === 0 && c.end === name.length))
        found.place = { name, span: { start: s.start, end: s.start + name.length } };
    }
    if (s.kind === 'date' && !found.period) {
      const issued = prev && (prev.kind === 'symbol' || (prev.kind === 'place' && !afterTitle(prev)));
      const r = !issued && findRanges(s.text, s.start)[0];
      // A header run into one paragraph has no line ends: a range of days after the title still
      // dates the meeting (one before it is the session a UN paper was issued for).
      const runIn = r && !r.single && r.from.length === 10 && afterTitle(s);
      if (r && !/^\d{4}$/.test(r.from) && (s.lineEnd || runIn))
        found.period = { period: { start: r.from, end: r.to }, span: r.span, confidence: 0.75 };
    }
    if (s.kind === 'text' && afterTitle(s) && !found.place && prev?.kind === 'date') {
      // "Dubrovnik, Cavtat, (Croatia)" on its own line; "Montevideo, Uruguay INFORME FINAL …" run in.
      // Run in, only after a range of days: a single date there is the document's own.
      const afterRange = !findRanges(prev.text)[0]?.single;
      const venue = s.lineEnd
        ? venueLine(s.text, s.start)
        : afterRange
          ? leadingVenue(s.text, s.start)
          : null;
      if (venue) found.place = venue;
    }
  }
  if (!found.period || !found.place) {
    let single: FoundPeriod | undefined;
    for (const m of allMatches(HELD, text.slice(0, 4000))) {
      const window = text.slice(m.index, m.index + 160);
      const where =
        /(?<![\p{L}])(?:in|en|à|a)\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s*[,(]\s*(\p{Lu}[\p{L} ]+)/u.exec(
          window,
        );
      if (!found.place && where && findCountries(where[2]!).some((c) => c.start === 0)) {
        const start = m.index + where.index + where[0].indexOf(where[1]!);
        found.place = { name: where[1]!, span: { start, end: start + where[1]!.length } };
      }
      // "s'est tenue le 29 novembre à Dakar": a city right after the verb's "in / en / à".
      const city =
        /^[^.;\n]{0,80}?(?<![\p{L}])(?:in|en|à)\s+(\p{Lu}[\p{Ll}-]+(?:\s\p{Lu}[\p{Ll}-]+)?)(?=[\s,.;)]|$)/u.exec(
          window,
        );
      if (
        !found.place &&
        city &&
        !findCountries(city[1]!).length &&
        !MONTH_WORD.test(city[1]!) &&
        !findKnownOrganisation(city[1]!)
      ) {
        const start = m.index + city.index + city[0].length - city[1]!.length;
        found.place = { name: city[1]!, span: { start, end: start + city[1]!.length } };
      }
      const r = findRanges(window, m.index).find((x) => !x.single || x.from.length === 10);
      if (!found.period && r) {
        const candidate = { period: { start: r.from, end: r.to }, span: r.span, confidence: 0.7 };
        // A meeting over several days is described by its range, not by the day a text was adopted.
        if (r.single) single ??= candidate;
        else found.period = candidate;
      }
      if (found.period && found.place) break;
    }
    if (!found.period && single) found.period = single;
  }
  return found;
}

/** "Port-au-Prince, Haïti RAPPORT FINAL …": a city and its country opening a run-in piece. */
function leadingVenue(text: string, base: number): { name: string; span: Span } | null {
  const city = /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}),\s*/u.exec(text);
  if (!city) return null;
  const rest = text.slice(city[0].length);
  const country = findCountries(capitalise(rest))[0];
  if (country?.start !== 0 || findCountries(capitalise(city[1]!)).length) return null;
  return { name: city[1]!, span: { start: base, end: base + city[1]!.length } };
}

/** "Dubrovnik, Cavtat, (Croatia)": the venue is the place named last before the country. */
function venueLine(line: string, base: number): { name: string; span: Span } | null {
  const countries = findCountries(line);
  const country = countries.at(-1);
  if (!country || line.length > 80) return null;
  const before = line.slice(0, country.start).replace(/[\s,(]+$/, '');
  const place = /(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)$/u.exec(before);
  if (!place) return null;
  return { name: place[1]!, span: { start: base + place.index, end: base + place.index + place[1]!.length } };
}
