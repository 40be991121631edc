// Countries of operation, not every country a document names in passing: those a label lists
// ("Countries: Belize, Costa Rica…", "PAYS: MADAGASCAR", "Location: Liberia"), those the title names
// ("…de l'Union Européenne en Guinée", "the mexican judicial penal system"), a country standing alone
// on a cover line, and, for reports and evaluations that give none of these, the one country the
// opening keeps returning to. Venue countries, donors' own countries, addresses and lists of donors
// are left out. Regions come from the title and the labels, by their English name.
import type { DocumentKind } from '../extraction-record.ts';
import { headerSegments } from '../layout/header.ts';
import type { LabelValue } from '../layout/labels.ts';
import { OPERATION_INTROS, REGIONAL_WORDS } from '../lexicon/operation.ts';
import { REGIONS } from '../lexicon/regions.ts';
import { findCountries } from '../recognise/countries.ts';
import { allMatches, escapeRegExp } from '../recognise/regex.ts';
import type { Span } from '../text-model.ts';

export interface Placed extends Span {
  value: string;
}

/** "REPUBLICA DOMINICANA" → "Republica Dominicana", so that names printed in capitals are found. */
export const capitalise = (s: string) =>
  s.replace(/\p{L}+/gu, (w) =>
    // Short capitals are acronyms ("RDC", "UK"), kept as written.
    w.length > 3 && w === w.toUpperCase() ? w[0]! + w.slice(1).toLowerCase() : w,
  );

// Between two names of a list: commas, "and" in three languages, and the articles and prepositions
// French and Spanish put before each name ("du Bénin, de la Côte d’Ivoire et du Togo").
const LIST_GAP =
  /^[\s,;:&]*(?:(?:and|y|e|et|as well as|ainsi que|así como)\s+)?(?:(?:the|le|la|les|l['’]|du|de\s+la|de\s+l['’]|des|d['’]|el|los|las|del|au|aux|en|à|in)\s*)?$/i;

function countriesIn(raw: string, base: number, leadingOnly: boolean): Placed[] {
  // "Central America (Guatemala, El Salvador, …)": a region and its brackets introduce the list.
  const value = leadingOnly
    ? findRegionsEnglish(raw)
        .reduce((v, r) => v.slice(0, r.start) + ' '.repeat(r.end - r.start) + v.slice(r.end), raw)
        .replace(/[()]/g, ' ')
    : raw;
  // In a list, "Guinea" or "Chad" is the country, not the word.
  const mentions = findCountries(capitalise(value), 0, { inList: leadingOnly }).filter(
    (m) => !m.demonym || !leadingOnly,
  );
  const out: Placed[] = [];
  let last = 0;
  for (const m of mentions) {
    if (leadingOnly && !LIST_GAP.test(value.slice(last, m.start))) break;
    out.push({ value: m.code, start: base + m.start, end: base + m.end });
    last = m.end;
  }
  return out;
}

let regionPattern: RegExp | undefined;
const regionOf = new Map<string, string>();

export function findRegionsEnglish(text: string, base = 0): Placed[] {
  if (!regionPattern) {
    for (const [english, names] of Object.entries(REGIONS))
      for (const n of names) regionOf.set(n.toLowerCase().replace(/’/g, "'"), english);
    const forms = [...regionOf.keys()]
      .sort((a, b) => b.length - a.length)
      .map((f) => escapeRegExp(f).replace(/'/g, "['’]"));
    regionPattern = new RegExp(`(?<![\\p{L}])(?:${forms.join('|')})(?![\\p{L}])`, 'giu');
  }
  const out: Placed[] = [];
  // Every mention, so that callers can blank them out; distinct by name.
  for (const m of allMatches(regionPattern!, text)) {
    const value = regionOf.get(m[0].toLowerCase().replace(/’/g, "'"))!;
    if (!out.some((o) => o.value === value))
      out.push({ value, start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

const LIST_INTRO = /\b(?:countries|pays|pa[ií]ses)\b[^.:;()\n]{0,60}?(?::|\()\s*/giu;
const OPERATION_INTRO = new RegExp(`(?<![\\p{L}])(?:${OPERATION_INTROS.join('|')})\\s+`, 'giu');
// "Regional Programme for West Africa": the region a regional project names, in the same sentence.
// A region that ends an office's name is the office's, not the project's ("Centro Regional para
// América Latina y el Caribe", "Regional Office for West Africa").
const OFFICE_FOR =
  /(?<![\p{L}])(?:Centro|Centre|Center|Oficina|Office|Bureau|Instituto|Institute|Institut|Direcci[oó]n|Direction|Division|Divisi[oó]n|Hub)(?:\s+\p{Lu}[\p{L}-]*)*\s+(?:para|for|pour|de|of|du|del|en|in)(?:\s+(?:la|el|l['’]|the))?\s*$/u;
const REGIONAL = new RegExp(`(?<![\\p{L}])(?:${REGIONAL_WORDS})(?![\\p{L}])[^.\\n]{0,80}$`, 'iu');

const distinct = (items: Placed[]) =>
  items.filter((p, i) => items.findIndex((q) => q.value === p.value) === i);

export function findCountriesOfOperation(
  text: string,
  kind: DocumentKind,
  labels: LabelValue[],
  titleSpan?: Span,
): { countries: Placed[]; regions: Placed[] } {
  const labelled = labels.filter((p) => p.field === 'countries');
  const countries: Placed[] = labelled.flatMap((p) => countriesIn(p.value, p.valueSpan.start, true));
  const regions: Placed[] = labelled.flatMap((p) =>
    findRegionsEnglish(p.value.slice(0, 80), p.valueSpan.start),
  );
  if (titleSpan) {
    const title = text.slice(titleSpan.start, titleSpan.end);
    countries.push(...countriesIn(title, titleSpan.start, false));
    // "the mexican judicial penal system": a demonym the title writes in lower case.
    const lowered = title.replace(/(?<![\p{L}])\p{Ll}/gu, (c) => c.toUpperCase());
    countries.push(
      ...findCountries(lowered)
        .filter((m) => m.demonym)
        .map((m) => ({ value: m.code, start: titleSpan.start + m.start, end: titleSpan.start + m.end })),
    );
    regions.push(...findRegionsEnglish(title, titleSpan.start));
  }
  // "… in five countries (Mali, Niger, …)", "pays bénéficiaires : …": a list the word introduces.
  for (const m of allMatches(LIST_INTRO, text.slice(0, 4000))) {
    const from = m.index + m[0].length;
    const listed = countriesIn(text.slice(from, from + 300), from, true);
    if (listed.length >= 2) countries.push(...listed);
    // "the countries of West Africa: …": the region that introduces the list.
    regions.push(...findRegionsEnglish(m[0], m.index));
  }
  if (kind === 'annual_review' || kind === 'evaluation' || kind === 'other') {
    const opening = text.slice(0, 4000);
    // "The project is implemented in Kenya and Uganda", "se ejecuta en Honduras", "mis en œuvre au Mali".
    for (const m of allMatches(OPERATION_INTRO, opening)) {
      const from = m.index + m[0].length;
      countries.push(...countriesIn(text.slice(from, from + 300), from, true));
    }
    for (const r of findRegionsEnglish(opening)) {
      const before = opening.slice(Math.max(0, r.start - 80), r.start);
      if (REGIONAL.test(before) && !OFFICE_FOR.test(before)) regions.push(r);
    }
  }
  // A background note's region is that of the event it presents (background-note.ts, eventRegion):
  // any region its opening names would also take the places of those it merely mentions.
  // A meeting of a regional programme's countries lists them: a run of three or more names.
  if (kind === 'meeting_report')
    for (const run of countryRuns(text.slice(0, 4000), 3)) countries.push(...run);
  if (kind === 'annual_review' || kind === 'evaluation' || kind === 'other') {
    const segments = headerSegments(text, 1200);
    segments.forEach((s, k) => {
      if (s.kind !== 'text' || segments[k - 1]?.kind === 'address') return;
      const found = countriesIn(s.text, s.start, true);
      const rest = capitalise(s.text).replace(/[\s,;]+/g, '');
      const covered = found.reduce((n, f) => n + (f.end - f.start), 0);
      // One country alone on a cover line; several in a row are a list (of donors, say).
      if (found.length === 1 && covered >= rest.length - 3) countries.push(...found);
      // A region alone on a cover line ("RER/F23" over "Central Asia").
      const region = findRegionsEnglish(s.text, s.start)[0];
      if (!found.length && region && region.end - region.start === s.text.length) regions.push(region);
    });
    if (!countries.length) countries.push(...onlyCountryInHeader(text));
    if (!countries.length) countries.push(...dominantCountry(text));
  }
  return { countries: distinct(countries), regions: distinct(regions) };
}

/** A report or evaluation whose opening lines name one country, and one only, is about it. */
function onlyCountryInHeader(text: string): Placed[] {
  const mentions = findCountries(capitalise(text.slice(0, 600))).filter((m) => !m.demonym);
  const codes = new Set(mentions.map((m) => m.code));
  return codes.size === 1
    ? [{ value: mentions[0]!.code, start: mentions[0]!.start, end: mentions[0]!.end }]
    : [];
}

/** The country the opening names most, at least twice and more often than any other. */
function dominantCountry(text: string): Placed[] {
  const counts = new Map<string, Placed[]>();
  for (const m of findCountries(text.slice(0, 3000))) {
    if (m.demonym) continue;
    counts.set(m.code, [...(counts.get(m.code) ?? []), { value: m.code, start: m.start, end: m.end }]);
  }
  const ranked = [...counts.values()].sort((a, b) => b.length - a.length);
  const [first, second] = ranked;
  return first && first.length >= 2 && first.length > (second?.length ?? 0) ? [first[0]!] : [];
}

/** Runs of at least `min` country names one after another, as a list writes them. */
function countryRuns(text: string, min: number): Placed[][] {
  const runs: Placed[][] = [];
  let run: Placed[] = [];
  let last = -1;
  for (const m of findCountries(capitalise(text), 0, { inList: true })) {
    if (m.demonym) continue;
    if (last < 0 || !LIST_GAP.test(text.slice(last, m.start))) {
      if (run.length >= min) runs.push(run);
      run = [];
    }
    run.push({ value: m.code, start: m.start, end: m.end });
    last = m.end;
  }
  if (run.length >= min) runs.push(run);
  return runs;
}
