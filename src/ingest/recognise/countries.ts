// Countries named in a text, in English, Spanish or French (every name and alias that
// i18n-iso-countries knows, through the shared vocabularies) or by an unambiguous demonym
// ("Colombian government" → CO), and named regions ("Central America", "Multiple/Regional").
import countries from 'i18n-iso-countries';
import { LANGUAGES, vocabularies } from '../../reference/vocabularies.ts';
import type { Span } from '../text-model.ts';
import { allMatches, escapeRegExp } from './regex.ts';

export interface CountryMention extends Span {
  code: string;
  /** True when found by demonym ("Peruvian") rather than by name. */
  demonym: boolean;
}

export interface RegionMention extends Span {
  name: string;
}

// Aliases that would match too much: "US" in "US$", "Congo" (two countries), names that are
// common words or given names in English texts.
const SKIPPED_ALIASES = new Set(['US', 'U.S.', 'Congo', 'Georgia', 'Jordan', 'Chad', 'Guinea']);
// Of those, the names that are a country beyond doubt once they stand in a list of countries
// ("Guinea, Sierra Leone and Liberia"): read only by `findCountries(text, base, { inList: true })`.
const LIST_ONLY: Record<string, string> = { Georgia: 'GE', Jordan: 'JO', Chad: 'TD', Guinea: 'GN' };

// Only demonyms that point at one country; "American", "Dominican", "Guinean" do not.
const DEMONYMS: Record<string, string> = {
  Afghan: 'AF',
  Albanian: 'AL',
  Algerian: 'DZ',
  Argentine: 'AR',
  Argentinian: 'AR',
  Armenian: 'AM',
  Australian: 'AU',
  Austrian: 'AT',
  Bangladeshi: 'BD',
  Belizean: 'BZ',
  Bolivian: 'BO',
  Bosnian: 'BA',
  Brazilian: 'BR',
  British: 'GB',
  Burmese: 'MM',
  Cambodian: 'KH',
  Cameroonian: 'CM',
  Canadian: 'CA',
  Chilean: 'CL',
  Chinese: 'CN',
  Colombian: 'CO',
  'Costa Rican': 'CR',
  Cuban: 'CU',
  Ecuadorian: 'EC',
  Egyptian: 'EG',
  Ethiopian: 'ET',
  French: 'FR',
  German: 'DE',
  Ghanaian: 'GH',
  Guatemalan: 'GT',
  Haitian: 'HT',
  Honduran: 'HN',
  Indonesian: 'ID',
  Iraqi: 'IQ',
  Jamaican: 'JM',
  Kenyan: 'KE',
  Lebanese: 'LB',
  Liberian: 'LR',
  Libyan: 'LY',
  Malian: 'ML',
  Mexican: 'MX',
  Moroccan: 'MA',
  Mozambican: 'MZ',
  Nicaraguan: 'NI',
  Nigerian: 'NG',
  Pakistani: 'PK',
  Panamanian: 'PA',
  Paraguayan: 'PY',
  Peruvian: 'PE',
  Philippine: 'PH',
  Salvadoran: 'SV',
  Salvadorean: 'SV',
  Senegalese: 'SN',
  Somali: 'SO',
  'Sierra Leonean': 'SL',
  'South African': 'ZA',
  Spanish: 'ES',
  'Sri Lankan': 'LK',
  Sudanese: 'SD',
  Syrian: 'SY',
  Tanzanian: 'TZ',
  Tunisian: 'TN',
  Turkish: 'TR',
  Ugandan: 'UG',
  Ukrainian: 'UA',
  Uruguayan: 'UY',
  Venezuelan: 'VE',
  Vietnamese: 'VN',
  Yemeni: 'YE',
  Zimbabwean: 'ZW',
  colombiano: 'CO',
  colombiana: 'CO',
  peruano: 'PE',
  peruana: 'PE',
  mexicano: 'MX',
  mexicana: 'MX',
  guatemalteco: 'GT',
  hondureño: 'HN',
  salvadoreño: 'SV',
  colombien: 'CO',
  colombienne: 'CO',
  péruvien: 'PE',
  péruvienne: 'PE',
  mexicain: 'MX',
  mexicaine: 'MX',
};

const EXTRA_NAMES: Record<string, string> = {
  Britain: 'GB',
  'DR Congo': 'CD',
  DRC: 'CD',
  'Czech Republic': 'CZ',
  Russia: 'RU',
  Syria: 'SY',
  Iran: 'IR',
  Laos: 'LA',
  'Cape Verde': 'CV',
  Swaziland: 'SZ',
  Burma: 'MM',
  'Republic of Congo': 'CG',
  Kosovo: 'XK',
  // Names the catalogue writes only in its "Moldova, Republic of" form, or not at all.
  Moldova: 'MD',
  'Republic of Moldova': 'MD',
  'República de Moldova': 'MD',
  'République de Moldova': 'MD',
  'Viet Nam': 'VN',
  Tanzanie: 'TZ',
  Micronesia: 'FM',
  'República Democrática del Congo': 'CD',
  'RD Congo': 'CD',
  RDC: 'CD',
  'East Timor': 'TL',
  'États-Unis': 'US',
  'Etats-Unis': 'US',
  Centrafrique: 'CF',
  'République centrafricaine': 'CF',
};

export const REGION_NAMES = [
  'Multiple/Regional',
  'Latin America and the Caribbean',
  'Latin America',
  'Central America',
  'South America',
  'North America',
  'Caribbean',
  'Andean region',
  'Southern Cone',
  'West Africa',
  'East Africa',
  'Southern Africa',
  'North Africa',
  'Central Africa',
  'Horn of Africa',
  'Sahel',
  'Sub-Saharan Africa',
  'Middle East',
  'Gulf',
  'Central Asia',
  'South Asia',
  'South-East Asia',
  'South East Asia',
  'Southeast Asia',
  'East Asia',
  'Central and Eastern Europe',
  'Eastern Europe',
  'Western Balkans',
  'Balkans',
  'Pacific',
  'Global',
  'América Central',
  'América Latina',
  'Caribe',
  'África Occidental',
  'Amérique centrale',
  'Amérique latine',
  'Caraïbes',
  "Afrique de l'Ouest",
];

type CountryIndex = { pattern: RegExp; codes: Map<string, { code: string; demonym: boolean }> };
let index: CountryIndex | undefined;
let listIndex: CountryIndex | undefined;

function indexOf(codes: Map<string, { code: string; demonym: boolean }>): CountryIndex {
  // Names written with a typographic apostrophe ("Côte d’Ivoire") are the same names.
  for (const [name, hit] of [...codes]) if (name.includes("'")) codes.set(name.replace(/'/g, '’'), hit);
  const names = [...codes.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // Longest names first so "South Sudan" wins over "Sudan"; letters on either side mean another word.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return { pattern, codes };
}

function countryIndex(inList = false): CountryIndex {
  if (inList) {
    listIndex ??= indexOf(
      new Map([
        ...countryIndex().codes,
        ...Object.entries(LIST_ONLY).map(([name, code]) => [name, { code, demonym: false }] as const),
      ]),
    );
    return listIndex;
  }
  if (index) return index;
  const codes = new Map<string, { code: string; demonym: boolean }>();
  for (const country of vocabularies.countries().values()) {
    for (const lang of LANGUAGES) {
      const all = countries.getName(country.code, lang, { select: 'all' }) ?? [country.names[lang]];
      for (const name of all) {
        // "Korea, Republic of" style names are catalogue forms, never running text.
        if (!name || name.includes(',') || name.includes('(') || SKIPPED_ALIASES.has(name)) continue;
        if (!codes.has(name)) codes.set(name, { code: country.code, demonym: false });
      }
    }
  }
  for (const [name, code] of Object.entries(EXTRA_NAMES)) codes.set(name, { code, demonym: false });
  for (const [name, code] of Object.entries(DEMONYMS))
    if (!codes.has(name)) codes.set(name, { code, demonym: true });
  index = indexOf(codes);
  return index;
}

// "Réunion" / "Reunión" is also the French and Spanish word for a meeting: "la segunda Reunión del
// Comité", "Troisième réunion du groupe", "Reunión regional". Followed by "of / de / du …" or a word in
// lower case, or after an ordinal, it is one.
function isMeetingWord(text: string, at: number, name: string): boolean {
  if (!/^r[ée]uni[oó]n$/iu.test(name)) return false;
  const after = text.slice(at + name.length, at + name.length + 12);
  const before = text.slice(Math.max(0, at - 20), at);
  return (
    /^\s+(?:de|del|du|des|d['’]|of|sur|sobre|on)(?![\p{L}])/iu.test(after) ||
    /^\s+(?!(?:and|et|y|or|ou|o)(?![\p{L}]))\p{Ll}/u.test(after) ||
    /(?:\p{L}+(?:[eè]me|era?|[oa]|th|st|nd|rd)|\d+\p{L}*|[IVXLC]+|la|une|una|cette|esta|this)\s+$/iu.test(
      before,
    )
  );
}

/** Every country mention in `text`; spans are offset by `base` (the text's place in the document). */
export function findCountries(text: string, base = 0, options: { inList?: boolean } = {}): CountryMention[] {
  const { pattern, codes } = countryIndex(options.inList);
  const found: CountryMention[] = [];
  for (const m of allMatches(pattern, text)) {
    const hit = codes.get(m[0]);
    if (!hit || isMeetingWord(text, m.index, m[0])) continue;
    // "Central American Integration System" names a region's body, not a country.
    found.push({
      code: hit.code,
      demonym: hit.demonym,
      start: base + m.index,
      end: base + m.index + m[0].length,
    });
  }
  return found;
}

/** Distinct country codes in order of first mention, each with the span of that first mention. */
export function distinctCountries(mentions: CountryMention[]): CountryMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => !seen.has(m.code) && seen.add(m.code));
}

const regionPattern = new RegExp(
  `(?<![\\p{L}])(?:${[...REGION_NAMES]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}])`,
  'gu',
);

export function findRegions(text: string, base = 0): RegionMention[] {
  const found: RegionMention[] = [];
  const seen = new Set<string>();
  for (const m of allMatches(regionPattern, text)) {
    if (seen.has(m[0])) continue;
    seen.add(m[0]);
    found.push({ name: m[0], start: base + m.index, end: base + m.index + m[0].length });
  }
  return found;
}

/** The country a short heading or label names ("Colombia", "Peru:"), if that is all it says. */
export function countryOfHeading(text: string): string | null {
  const trimmed = text.replace(/[:.\s]+$/, '').trim();
  if (trimmed.split(/\s+/).length > 4) return null;
  const mentions = findCountries(trimmed);
  const [first] = mentions;
  if (!first || first.demonym || first.start !== 0 || first.end !== trimmed.length) return null;
  return first.code;
}
