// Organisations named in a text: those a registry knows (by name, alias or acronym, so "NCA" and
// "National Crime Agency" are one), "Full Name (ACRONYM)" introductions of others, and
// "Government of <country>". Resolution to registry ids is pluggable: the extractor is given an
// OrganisationResolver (the database-backed one in the server, an in-memory one here and in tests).

import { GAZETTEER, KNOWN_ORGANISATIONS } from '../lexicon/gazetteer.ts';
import type { Span } from '../text-model.ts';
import { findCountries } from './countries.ts';
import { findPatternOrganisations } from './organisation-patterns.ts';
import { allMatches, escapeRegExp } from './regex.ts';

export type OrganisationType = 'donor' | 'multilateral' | 'ngo' | 'recipient' | 'regional' | 'research';

export interface KnownOrganisation {
  name: string;
  acronym?: string;
  aliases?: string[];
  type: OrganisationType;
}

/** Resolves a name or acronym to a registry organisation id, or null when the registry has none. */
export interface OrganisationResolver {
  resolve(candidate: { name: string; acronym?: string }): Promise<string | null> | string | null;
}

export interface OrganisationMention extends Span {
  name: string;
  acronym?: string;
  type?: OrganisationType;
  /** The name as this document writes it ("PNUD", "UNITED NATIONS OFFICE ON DRUGS AND CRIME"). */
  written?: string;
}

// The organisations every Tacit network meets, and the shipped gazetteer: data, in ../lexicon.
export { KNOWN_ORGANISATIONS } from '../lexicon/gazetteer.ts';

const CONNECTORS = new Set([
  'of',
  'and',
  'for',
  'on',
  'against',
  'in',
  '&',
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'des',
  'du',
  'et',
  'pour',
  'contra',
  'el',
  'le',
  'les',
]);
const ORG_NOUN =
  /\b(Agency|Office|Service|Council|Commission|Committee|System|Organi[sz]ation|Institutes?|Centre|Center|Ministry|Department|Unit|Bureau|Authority|Association|Fund|Bank|Union|Court|Police|Foundation|Secretariat|Forum|Coalition|Directorate|Force|Corporation|Government|Board|Tribunal|University|Academy|Division|Branch|Network|Group|Initiative|Mission|Delegation|Délégation|Comité|Comisión|Instituto|Institut|Departamento|Secretaría|Secrétariat|Dirección|Direction|Policía|Gendarmerie|Judiciary|Consejo|Ministerio|Oficina|Fiscal[ií]a|Minist[eè]re|Conseil|Bureau)\b/;

const LEADING_ARTICLE = /^(?:The|L|L['’]|La|Le|Les|El|Los|Las)\s+/;
const NOT_AN_ORGANISATION =
  /\b(?:Programme|Program|Project|Projet|Proyecto|Programa|Initiative|Plan|Strategy|Grant)\b/;

const ROLE_NOUN =
  /\b(?:Advis[oe]r|Officer|Manager|Co-?ordinator|Director|Specialist|Expert|Consultant|Assistant|Analyst)\b/;

function spellsInitials(acronym: string, name: string): boolean {
  const initials = name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  return initials.toUpperCase() === acronym.replace(/-/g, '').toUpperCase();
}

let known:
  | {
      pattern: RegExp;
      longPattern: RegExp;
      byForm: Map<string, KnownOrganisation>;
      byLong: Map<string, KnownOrganisation>;
    }
  | undefined;

const foldLong = (form: string) => form.replace(/[’']/g, "'").toLowerCase();

function knownIndex() {
  if (known) return known;
  const byForm = new Map<string, KnownOrganisation>();
  // Names of three words or more are matched whatever their case: covers print them in capitals.
  const byLong = new Map<string, KnownOrganisation>();
  for (const org of [...KNOWN_ORGANISATIONS, ...GAZETTEER]) {
    for (const form of [org.name, org.acronym, ...(org.aliases ?? [])]) {
      if (!form || byForm.has(form)) continue;
      byForm.set(form, org);
      if (form.split(/\s+/).length >= 2 && !byLong.has(foldLong(form))) byLong.set(foldLong(form), org);
    }
  }
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const longForms = [...byLong.keys()]
    .sort((a, b) => b.length - a.length)
    .map((f) => escapeRegExp(f).replace(/'/g, "['’]"));
  known = {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    longPattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${longForms.join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
    byForm,
    byLong,
  };
  return known;
}

export function findKnownOrganisation(form: string): KnownOrganisation | undefined {
  const index = knownIndex();
  return index.byForm.get(form.trim()) ?? index.byLong.get(foldLong(form.trim()));
}

/** The run of capitalised words (with connectors) that ends right before `end` in `text`. */
function nameBefore(text: string, end: number): { name: string; start: number } | null {
  const from = Math.max(0, end - 200);
  const tokens = [...text.slice(from, end).matchAll(/\S+/g)];
  let first = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]![0];
    if (/[,;:.()"“”]$/.test(token) && first < tokens.length) break;
    if (/^\p{Lu}/u.test(token) || (CONNECTORS.has(token.toLowerCase()) && first < tokens.length)) first = i;
    else break;
  }
  while (first < tokens.length && CONNECTORS.has(tokens[first]![0].toLowerCase())) first++;
  if (tokens.length - first < 2) return null;
  const start = from + tokens[first]!.index;
  return { name: text.slice(start, end).trim(), start };
}

interface SpelledMemo {
  lower?: string;
  words?: RegExpExecArray[];
  initials?: string;
}

const CAPITALISED_WORD = /(?<![\p{L}’'-])\p{Lu}[\p{L}’'-]*/gu;

/**
 * An acronym stands for different bodies in different documents ("CPS": the Crown Prosecution
 * Service, or the Cour Pénale Spéciale). When the document never writes the gazetteer's name but
 * does write another run of capitalised words that the acronym spells, the acronym is that one.
 */
function spelledOutOtherwise(text: string, org: KnownOrganisation, memo: SpelledMemo): boolean {
  const acronym = org.acronym!.replace(/[^\p{Lu}]/gu, '');
  if (acronym.length < 2) return false;
  // The text's lower case and capitalised words, computed once per text, not once per acronym.
  memo.lower ??= text.toLowerCase();
  if (memo.lower.includes(org.name.toLowerCase())) return false;
  memo.words ??= allMatches(CAPITALISED_WORD, text);
  const words = memo.words;
  // Their initials in one string: a window of words spelling the acronym is found by indexOf.
  memo.initials ??= words.map((w) => w[0][0]).join('');
  for (let i = memo.initials.indexOf(acronym); i >= 0; i = memo.initials.indexOf(acronym, i + 1)) {
    const run = words.slice(i, i + acronym.length);
    const gaps = run.slice(1).map((w, k) => text.slice(run[k]!.index + run[k]![0].length, w.index));
    if (
      gaps.every((g) => /^\s+(?:(?:de|del|du|des|la|le|of|the|and|for|et|y|para|pour)\s+)?$/iu.test(g)) &&
      run.some((w) => w[0] !== w[0].toUpperCase())
    )
      return true;
  }
  return false;
}

/** Organisations mentioned in `text` (spans offset by `base`), first mention of each, in text order. */
export function findOrganisations(text: string, base = 0, { patterns = true } = {}): OrganisationMention[] {
  const { pattern, longPattern, byForm, byLong } = knownIndex();
  const mentions: OrganisationMention[] = [];
  const add = (m: OrganisationMention) => {
    const same = mentions.find((o) => (o.acronym && o.acronym === m.acronym) || o.name === m.name);
    // The name as the document spells it out is kept over its acronym met first ("UNODC-2008…" then
    // "Oficina de las Naciones Unidas contra la Droga y el Delito").
    if (
      same &&
      same.written === same.acronym &&
      m.written &&
      m.written !== m.acronym &&
      m.written.includes(' ')
    ) {
      Object.assign(same, { written: m.written, start: m.start, end: m.end });
      return;
    }
    if (same) return;
    if (mentions.some((o) => m.start < o.end && o.start < m.end)) return;
    mentions.push(m);
  };

  const knownHits = [
    ...[...allMatches(pattern, text)].map((m) => ({ m, org: byForm.get(m[0])! })),
    ...[...allMatches(longPattern, text)]
      .filter((m) => /^\p{Lu}/u.test(m[0]))
      .map((m) => ({ m, org: byLong.get(foldLong(m[0]))! })),
  ].sort((a, b) => a.m.index - b.m.index || b.m[0].length - a.m[0].length);
  const memo: SpelledMemo = {};
  for (const { m, org } of knownHits) {
    if (m[0] === org.acronym && spelledOutOtherwise(text, org, memo)) continue;
    add({
      name: org.name,
      acronym: org.acronym,
      type: org.type,
      written: m[0],
      start: base + m.index,
      end: base + m.index + m[0].length,
    });
  }
  // "Full Name (ACR)": a new organisation introduces itself with its acronym.
  for (const m of text.matchAll(/\(\s*([A-Z][A-Za-z-]{1,9})\)/g)) {
    const acronym = m[1]!;
    if (!/[A-Z].*[A-Z]/.test(acronym) || byForm.has(acronym)) continue;
    const found = nameBefore(text, m.index);
    if (!found) continue;
    const name = found.name.replace(LEADING_ARTICLE, '');
    // Without an organisation noun, the acronym must spell the name's initials ("Oxford Policy
    // Management (OPM)"); a programme or project is never an organisation.
    if (NOT_AN_ORGANISATION.test(name)) continue;
    if (!ORG_NOUN.test(name) && (!spellsInitials(acronym, name) || ROLE_NOUN.test(name))) continue;
    const start = found.start + (found.name.length - name.length);
    add({ name, acronym, written: name, start: base + start, end: base + m.index + m[0].length });
  }
  if (patterns)
    for (const org of findPatternOrganisations(text))
      add({ ...org, start: base + org.start, end: base + org.end });
  // "Government of Canada": the name ends where the country's name does.
  for (const m of text.matchAll(/\bGovernment of (?:the )?/g)) {
    const country = findCountries(text.slice(m.index + m[0].length, m.index + m[0].length + 60))[0];
    if (country?.start !== 0 || country.demonym) continue;
    const end = m.index + m[0].length + country.end;
    add({ name: text.slice(m.index, end), type: 'donor', start: base + m.index, end: base + end });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function normalise(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/organisation/g, 'organization')
    .replace(/co-operation/g, 'cooperation')
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface RegistryEntry {
  id: string;
  name: string;
  acronym?: string | null;
  aliases?: string[];
}

/** An in-memory resolver over registry rows: names, aliases and acronyms, spelling-insensitive. */
export function createRegistryResolver(entries: RegistryEntry[]): OrganisationResolver {
  const byName = new Map<string, string>();
  const byAcronym = new Map<string, string>();
  for (const entry of entries) {
    for (const form of [entry.name, ...(entry.aliases ?? [])]) byName.set(normalise(form), entry.id);
    if (entry.acronym) byAcronym.set(entry.acronym.toUpperCase(), entry.id);
  }
  return {
    resolve({ name, acronym }) {
      return (
        byName.get(normalise(name)) ??
        (acronym ? byAcronym.get(acronym.toUpperCase()) : undefined) ??
        byAcronym.get(name.trim().toUpperCase()) ??
        null
      );
    },
  };
}
