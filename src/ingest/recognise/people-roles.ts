// People named with the marks that make a name a name, in English, Spanish and French: a title
// ("Ms Lidija VUGRINEC", "M. Erik Verbert", "Dr. Ali bin Fetais Al-Marri"), a role verb ("chaired by",
// "presidida por", "présidée par le chef de l'État du Sénégal Macky Sall", "fondée par le banquier
// … Jean-Jacques Gautier"), a degree ("Rafael de la Torre, DPharm, PhD"), a labelled team or
// author list, or a list of full names ("Georges Abadjian, Aida Ghorbel et Gildas Banda"). A
// country, a job title or a surname alone is never a person.
import { isNotPersonWord, LEADING_COURTESY } from '../lexicon/person-words.ts';
import { findCountries } from './countries.ts';
import { allMatches } from './regex.ts';

export interface FoundPerson {
  name: string;
  role?: string;
  start: number;
  end: number;
}

const WORD = String.raw`(?:\p{Lu}[\p{Ll}’']+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?[\p{Ll}]+)*|\p{Lu}{2,}(?:-\p{Lu}{2,})*)`;
const PARTICLE = `(?:de la|de|del|della|van der|van|von|bin|ben|al|el|da|dos|du|le)`;
// Words of one name are apart by spaces and at most one line break: a name never runs across a
// blank line into the next paragraph's first word ("M. Pierre Lapaque" + "La réunion…").
const GAP = String.raw`(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)`;
const NAME = `${WORD}(?:${GAP}(?:${PARTICLE}${GAP})?${WORD}){1,3}`;
const TITLE = String.raw`(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mme|Mlle|Sr|Sra|Srta|Dra|Lic|Licda|Ing|Hon|Excmo|Excma|M)\.?|Monsieur|Madame|Señor|Señora|Doctor|Doctora|Ambassador|Ambassadeur|Embajador|Embajadora|Judge|Juge|Juez|Jueza|H\.E\.|S\.E\.`;
const ROLE_VERB = String.raw`chaired by|opened by|prepared by|founded(?: in \d{4})? by|under the chairmanship of|pr[ée]sid[ée]e? par|sous la pr[ée]sidence de|ouverte? par|fond[ée]e?(?: en \d{4})? par|pr[ée]par[ée] par|presidid[ao] por|bajo la presidencia de|fundad[ao](?: en \d{4})? por|elaborad[ao] por`;
const ELECTED = new RegExp(
  String.raw`(${NAME})(?:\s*\([^()\n]{2,40}\))?,?\s+(?:was|fue|a été|ha sido|has been)\s+(?:elected|appointed|elegid[ao]|designad[ao]|nombrad[ao]|élue?|nommée?|désignée?)\s+(?:as\s+|como\s+|comme\s+)?(?:the\s+|la\s+|el\s+)?(Vice-?Chair(?:person)?|Chair(?:person|man|woman)?|Rapporteur[e]?|Vicepresident[ea]|President[ea]|Relator[a]?|Vice-[Pp]résident[e]?|Président[e]?)(?![\p{L}])`,
  'gu',
);
// The patterns, compiled once (they are asked about every document and many short pieces).
const TITLED = new RegExp(String.raw`(?<![\p{L}])(?:${TITLE})\s+(${NAME})`, 'gu');
const NAME_AT = new RegExp(NAME, 'uy');
const NAME_ANYWHERE = new RegExp(NAME, 'gu');
const AFTER_ROLE_VERB = new RegExp(String.raw`(?<![\p{L}])(${ROLE_VERB})\s`, 'giu');
const WITH_DEGREE = new RegExp(String.raw`(${NAME}),\s*(?:PhD|Ph\.D\.|DPharm|MD|MSc|MPhil|LLM|MA)\b`, 'gu');
// A list of two or more full names: "Georges Abadjian, Aida Ghorbel et Gildas Banda".
const ITEM = String.raw`${WORD}\s+${WORD}(?:\s+${WORD})?`;
const NAME_LIST = new RegExp(
  String.raw`(?<![\p{L}’'-])(?<!\p{Lu}\p{L}*,?\s)(${ITEM})((?:,\s+${ITEM})*),?\s+(?:et|and|y)\s+(${ITEM})(?![\p{L}])`,
  'gu',
);

// Capitalised words that are never part of a person's name.
const NOT_NAME =
  /^(?:The|This|Chair|Chairman|President|Présidente?|Presidente|Director|Directeur|Directora?|Minister|Ministre|Ministro|Secretary|Secretario|Secrétaire|General|Général|Procureur|Fiscal|Head|Chief|Chef|Deputy|Vice|Ambassador|Ambassadeur|Embajador|Coordinator|Coordonnateur|Co-ordinator|State|Etat|État|Estado|Republic|République|República|United|Nations|Unies|Unidas|Office|Bureau|Oficina|Ministry|Ministère|Ministerio|Council|Conseil|Consejo|Committee|Comité|Platform|Group|Secretariat|Secrétariat|Secretaría|Name|Title|Nationality|Report|Rapport|Informe|Annex|Appendix|Mission|Project|Programme|Proyecto|Projet|Evaluation|Team|Equipo|Équipe|January|February|March|April|May|June|July|August|September|October|November|December)$/iu;

const countryWords = new Map<string, boolean>();
/** Is this word or phrase, all of it, a country's name? (Asked for every candidate word: cached.) */
function isCountry(s: string): boolean {
  let known = countryWords.get(s);
  if (known === undefined) {
    known = findCountries(s).some((c) => c.start === 0 && c.end === s.length);
    if (countryWords.size > 5000) countryWords.clear();
    countryWords.set(s, known);
  }
  return known;
}

/** Cleans a candidate name; null when it is not a person's name. */
function personName(raw: string): string | null {
  const words = raw.trim().replace(LEADING_COURTESY, '').split(/\s+/);
  // Leading countries and job words go: "Sénégal Macky Sall" → "Macky Sall".
  while (words.length && (isCountry(words[0]!) || NOT_NAME.test(words[0]!) || /^\p{Ll}/u.test(words[0]!)))
    words.shift();
  // "CENTRAL AFRICAN REPUBLIC" is a country before "Republic" is dropped as a job word.
  if (isCountry(words.join(' '))) return null;
  while (words.length && NOT_NAME.test(words.at(-1)!)) words.pop();
  const name = words.join(' ');
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  if (capitalised.length < 2 || capitalised.some((w) => NOT_NAME.test(w) || isNotPersonWord(w))) return null;
  if (isCountry(name) || words.some((w) => isCountry(w))) return null;
  return name;
}

export function findPeopleWithRoles(
  text: string,
  lists: { value: string; start: number; role?: string }[] = [],
): FoundPerson[] {
  const found: FoundPerson[] = [];
  const add = (raw: string, at: number, role?: string) => {
    const name = personName(raw);
    if (!name) return;
    const start = at + raw.indexOf(name);
    const same = found.find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (same) {
      same.role ??= role;
      return;
    }
    found.push({ name, ...(role ? { role } : {}), start, end: start + name.length });
  };
  for (const m of allMatches(TITLED, text)) add(m[1]!, m.index + m[0].length - m[1]!.length);
  // After a role verb, the first clean name within a few words: "présidée par le chef de l'État
  // du Sénégal Macky Sall" → Macky Sall.
  const nameAt = NAME_AT;
  for (const m of allMatches(AFTER_ROLE_VERB, text)) {
    const role = /chair|pr[ée]sid|presid/i.test(m[1]!)
      ? 'Chair'
      : /prepar|pr[ée]par|elabora/i.test(m[1]!)
        ? 'Author'
        : undefined;
    const from = m.index + m[0].length;
    const window = text.slice(from, from + 120);
    for (const w of window.matchAll(/(?<![\p{L}’'])\p{Lu}/gu)) {
      nameAt.lastIndex = w.index;
      const candidate = nameAt.exec(window)?.[0];
      if (candidate && personName(candidate) === candidate) {
        add(candidate, from + w.index, role);
        break;
      }
    }
  }
  // "Ms. Laura Bianchi (Italy) was elected Chair", "fue elegida Relatora", "a été élu Président".
  for (const m of allMatches(ELECTED, text)) {
    const office = m[2]!.toLowerCase();
    const role = /vice/.test(office) ? 'Vice-Chair' : /rapport|relator/.test(office) ? 'Rapporteur' : 'Chair';
    add(m[1]!, m.index, role);
  }
  for (const m of allMatches(WITH_DEGREE, text)) add(m[1]!, m.index);
  const lower = new Set(text.match(/(?<![\p{L}])\p{Ll}[\p{L}’'-]*/gu) ?? []);
  for (const m of allMatches(NAME_LIST, text)) {
    const names = [
      m[1]!,
      ...m[2]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      m[3]!,
    ];
    // Words the document also writes in lower case are ordinary words ("Crime Prevention and
    // Criminal Justice"), not names.
    if (
      names.some(
        (n) => !personName(n) || n.split(/\s+/).some((w) => isCountry(w) || lower.has(w.toLowerCase())),
      )
    )
      continue;
    let at = m.index;
    for (const n of names) {
      at = text.indexOf(n, at);
      add(n, at);
    }
  }
  for (const list of lists) {
    // Table headers ("Name Title Nationality") and job words separate names in a flattened list.
    // Countries (a nationality column, "CENTRAL AFRICAN REPUBLIC") and job words separate names.
    const capitalised = list.value.replace(/\p{L}+/gu, (w) =>
      w.length > 3 && w === w.toUpperCase() ? w[0]! + w.slice(1).toLowerCase() : w,
    );
    const withoutCountries = findCountries(capitalised).reduce(
      (v, c) => v.slice(0, c.start) + ';'.repeat(c.end - c.start) + v.slice(c.end),
      list.value,
    );
    const value = withoutCountries.replace(/[\p{L}’'-]+/gu, (w) =>
      NOT_NAME.test(w) || isNotPersonWord(w) ? ';' : w,
    );
    for (const part of value.split(/\s*(?:,|;|\bet\b|\band\b|\by\b)\s*/)) {
      for (const name of allMatches(NAME_ANYWHERE, part))
        add(name[0], list.start + list.value.indexOf(name[0]), list.role);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
