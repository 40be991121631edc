// Which organisations in the directory are probably one body entered twice, each pair with the
// reasons a person can check. A small explained algorithm rather than a fuzzy-matching library:
// the rules that matter here (an acronym's initials, a name in another language, an IATI ref) are
// not string distance, and the one that is (a spelling variant) is a bigram Dice coefficient over
// normalised names, compared only within blocks that share a word, so the work grows with the
// directory rather than with its square.
import { KNOWN_ORGANISATIONS } from '../ingest/lexicon/gazetteer.ts';

export interface DirectoryEntry {
  id: string;
  name: string;
  acronym: string | null;
  aliases: string[];
  iati_ref: string | null;
}

export type DuplicateReason =
  | { kind: 'same_iati_ref'; ref: string }
  | { kind: 'acronym_of'; acronym: string; of: 'a' | 'b' }
  | { kind: 'same_name_in_language'; language: 'en' | 'es' | 'fr'; known_as: string }
  | { kind: 'same_name'; name: string }
  | { kind: 'similar_spelling'; similarity: number };

export interface DuplicateCandidate {
  a: string;
  b: string;
  score: number;
  reasons: DuplicateReason[];
}

/** Spelling variants at least this alike (Dice coefficient of letter pairs) are proposed. */
export const SIMILAR_SPELLING = 0.85;

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bu\.?\s?s\.?\s?a?\b\.?/g, 'united states '],
  [/\bu\.?\s?k\.?\b/g, 'united kingdom '],
  [/\bint'?l\b/g, 'international'],
  [/\bdept\b\.?/g, 'department'],
];
const CONNECTORS = new Set(
  'the of and for on against in to de del la las los el y des du le les et pour contre contra a l d'.split(
    ' ',
  ),
);

/** Lower case, no accents or punctuation, common abbreviations spelt out, "&" as "and". */
export function normaliseName(name: string): string {
  let s = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/&/g, ' and ');
  for (const [pattern, full] of ABBREVIATIONS) s = s.replace(pattern, full);
  return s
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const significantWords = (name: string) =>
  normaliseName(name)
    .split(' ')
    .filter((w) => w && !CONNECTORS.has(w));

/** "United Nations Office on Drugs and Crime" → "unodc". */
export const initialsOf = (name: string) =>
  significantWords(name)
    .map((w) => w[0])
    .join('');

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const t = s.replace(/ /g, '');
  for (let i = 0; i < t.length - 1; i++) out.set(t.slice(i, i + 2), (out.get(t.slice(i, i + 2)) ?? 0) + 1);
  return out;
}

/** Sørensen–Dice coefficient of the two strings' letter pairs: 1 the same letters in the same pairs. */
export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [k, n] of x) {
    shared += Math.min(n, y.get(k) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total ? (2 * shared) / total : 0;
}

const FRENCH = new Set(['des', 'du', 'le', 'les', 'et', 'pour', 'contre', 'unies']);
const SPANISH = new Set(['del', 'las', 'los', 'el', 'y', 'contra', 'naciones', 'unidas']);

/** The language a name is written in, from its function words; English when neither. */
export function languageOfName(name: string): 'en' | 'es' | 'fr' {
  const words = normaliseName(name).split(' ');
  const fr = words.filter((w) => FRENCH.has(w)).length;
  const es = words.filter((w) => SPANISH.has(w)).length;
  return fr > es ? 'fr' : es > fr ? 'es' : 'en';
}

/** Every normalised name of each gazetteer body, to the body's index: its names in several languages. */
const GAZETTEER_NAMES = new Map<string, number>(
  KNOWN_ORGANISATIONS.flatMap((o, i) =>
    [o.name, ...(o.aliases ?? [])].map((n) => [normaliseName(n), i] as [string, number]),
  ),
);

const namesOf = (o: DirectoryEntry) => [o.name, ...o.aliases];
const acronymsOf = (o: DirectoryEntry) =>
  [o.acronym, ...namesOf(o).filter((n) => /^[A-Z][A-Z.&-]{1,9}$/.test(n.trim()))]
    .filter((a): a is string => Boolean(a))
    .map((a) => normaliseName(a).replace(/ /g, ''));

function reasonsFor(a: DirectoryEntry, b: DirectoryEntry): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  const ref = (o: DirectoryEntry) => o.iati_ref?.replace(/\s+/g, '').toUpperCase() || null;
  if (ref(a) && ref(a) === ref(b)) reasons.push({ kind: 'same_iati_ref', ref: ref(a)! });
  const namesA = namesOf(a).map(normaliseName);
  const namesB = namesOf(b).map(normaliseName);
  const same = namesA.find((n) => namesB.includes(n));
  if (same) reasons.push({ kind: 'same_name', name: same });
  for (const [x, y, of] of [[a, b, 'b'] as const, [b, a, 'a'] as const]) {
    const initials = namesOf(y).map(initialsOf);
    const acronym = acronymsOf(x).find(
      (ac) => ac.length >= 2 && (initials.includes(ac) || acronymsOf(y).includes(ac)),
    );
    if (acronym) reasons.push({ kind: 'acronym_of', acronym: acronym.toUpperCase(), of });
  }
  const bodyA = namesA.map((n) => GAZETTEER_NAMES.get(n)).find((i) => i !== undefined);
  const bodyB = namesB.map((n) => GAZETTEER_NAMES.get(n)).find((i) => i !== undefined);
  if (!same && bodyA !== undefined && bodyA === bodyB && languageOfName(a.name) !== languageOfName(b.name)) {
    const other = languageOfName(b.name) !== 'en' ? b : a;
    reasons.push({
      kind: 'same_name_in_language',
      language: languageOfName(other.name),
      known_as: other.name,
    });
  }
  if (!reasons.length) {
    const similarity = Math.round(dice(normaliseName(a.name), normaliseName(b.name)) * 100) / 100;
    if (similarity >= SIMILAR_SPELLING) reasons.push({ kind: 'similar_spelling', similarity });
  }
  return reasons;
}

const WEIGHT: Record<DuplicateReason['kind'], number> = {
  same_iati_ref: 1,
  same_name: 0.95,
  same_name_in_language: 0.9,
  acronym_of: 0.8,
  similar_spelling: 0.6,
};

/**
 * Pairs of entries that are probably one organisation, strongest first. Only entries that share a
 * block key are compared: an IATI ref, a significant word of a name, an acronym or initials, or a
 * gazetteer body.
 */
export function findDuplicateCandidates(entries: DirectoryEntry[]): DuplicateCandidate[] {
  const blocks = new Map<string, number[]>();
  entries.forEach((o, i) => {
    const keys = new Set<string>();
    if (o.iati_ref) keys.add(`ref:${o.iati_ref.replace(/\s+/g, '').toUpperCase()}`);
    for (const n of namesOf(o)) {
      for (const w of significantWords(n)) if (w.length > 3) keys.add(`w:${w}`);
      keys.add(`i:${initialsOf(n)}`);
      const body = GAZETTEER_NAMES.get(normaliseName(n));
      if (body !== undefined) keys.add(`g:${body}`);
    }
    for (const ac of acronymsOf(o)) keys.add(`i:${ac}`);
    for (const k of keys) blocks.set(k, [...(blocks.get(k) ?? []), i]);
  });
  const seen = new Set<string>();
  const out: DuplicateCandidate[] = [];
  for (const members of blocks.values()) {
    // A word every second organisation has ("national") blocks nothing useful.
    if (members.length > 200) continue;
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const [a, b] = [entries[members[x]!]!, entries[members[y]!]!];
        const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const reasons = reasonsFor(a, b);
        if (!reasons.length) continue;
        const score = Math.max(...reasons.map((r) => WEIGHT[r.kind]));
        out.push({ a: a.id, b: b.id, score, reasons });
      }
  }
  return out.sort((p, q) => q.score - p.score || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}

/** Names this alike (Dice coefficient of letter pairs) are offered as the closest registered ones. */
export const CLOSE_SPELLING = 0.6;

/**
 * The registered organisations closest to a name a document gives, strongest first: the same name
 * or an alias, an acronym and its initials, the same body in another language, then spellings at
 * least CLOSE_SPELLING alike ("Ministry of Justice and Public Security" for "Ministry of Justice").
 */
export function closestEntries(
  probe: { name: string; acronym?: string | null },
  entries: DirectoryEntry[],
  limit = 3,
): { id: string; score: number; reasons: DuplicateReason[] }[] {
  const asEntry: DirectoryEntry = {
    id: '',
    name: probe.name,
    acronym: probe.acronym ?? null,
    aliases: [],
    iati_ref: null,
  };
  const probeName = normaliseName(probe.name);
  const out: { id: string; score: number; reasons: DuplicateReason[] }[] = [];
  for (const entry of entries) {
    const reasons = reasonsFor(asEntry, entry);
    if (reasons.length) {
      out.push({ id: entry.id, score: Math.max(...reasons.map((r) => WEIGHT[r.kind])), reasons });
      continue;
    }
    const similarity =
      Math.round(Math.max(...namesOf(entry).map((n) => dice(probeName, normaliseName(n)))) * 100) / 100;
    if (similarity >= CLOSE_SPELLING)
      out.push({
        id: entry.id,
        score: WEIGHT.similar_spelling * similarity,
        reasons: [{ kind: 'similar_spelling', similarity }],
      });
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}
