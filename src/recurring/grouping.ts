// Groups lessons or recommendations that make the same point in different projects. Two items of
// different projects are tied when they share most of their wording (stems, each weighted by how
// rare it is), or two concepts (concepts.ts, named in English, Spanish and French), or one concept
// and some wording too; wording can only be compared within a language, so across languages one
// concept and a shared theme are enough. A group is a set of items most of whose pairs are tied
// (average linkage, linkage.ts: no chaining of two topics through one item); each keeps what ties
// it, so the grouping can be explained and checked. Deterministic: items in id order, ties by key.
import { conceptByKey } from './concepts.ts';
import { averageLinkage } from './linkage.ts';

export interface GroupItem {
  id: string;
  /** Project, else source, else the item itself: a group needs items of two of these. */
  unit: string;
  /** ISO 639-1 code of the language the text is written in. */
  language: string;
  themes: string[];
  concepts: string[];
  /** Stem → the word it was read from. */
  stems: Map<string, string>;
}

export interface Tie {
  key: string;
  /** Projects (units) of the group that have it. */
  units: number;
}

export interface Group {
  items: string[];
  units: number;
  concepts: Tie[];
  words: (Tie & { word: string })[];
  themes: Tie[];
}

/** Wording shared at this weighted share ties two items with a concept and no theme in common. */
export const WORDING_WITH_CONCEPT = 0.15;
/** Some wording in common, for two items with a concept and a theme in common. */
export const WORDING_WITH_CONCEPT_AND_THEME = 0.05;
/** Wording shared at this weighted share ties two items on its own (the same lesson reworded). */
export const WORDING_ALONE = 0.4;
/** A stem in more items than this is too common to find candidates by. */
const MAX_POSTING = 400;

function idfOf(items: GroupItem[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const item of items) for (const s of item.stems.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  const n = items.length;
  return new Map([...df].map(([s, d]) => [s, Math.log((n + 1) / d)]));
}

function wordingShare(a: GroupItem, b: GroupItem, idf: Map<string, number>): number {
  let shared = 0;
  let union = 0;
  for (const [s] of a.stems) {
    const w = idf.get(s) ?? 0;
    union += w;
    if (b.stems.has(s)) shared += w;
  }
  for (const [s] of b.stems) if (!a.stems.has(s)) union += idf.get(s) ?? 0;
  return union ? shared / union : 0;
}

const overlap = (a: string[], b: string[]) => a.filter((x) => b.includes(x)).length;

export function isTied(a: GroupItem, b: GroupItem, idf: Map<string, number>): boolean {
  if (a.unit === b.unit) return false;
  const concepts = overlap(a.concepts, b.concepts);
  const wording = wordingShare(a, b, idf);
  if (wording >= WORDING_ALONE || concepts >= 2) return true;
  if (concepts === 0) return false;
  const themes = overlap(a.themes, b.themes);
  if (a.language !== b.language) return themes >= 1;
  return wording >= WORDING_WITH_CONCEPT || (themes >= 1 && wording >= WORDING_WITH_CONCEPT_AND_THEME);
}

/** What at least two projects of the group share, most shared first. */
function sharedBy<T extends string>(members: GroupItem[], keysOf: (i: GroupItem) => Iterable<T>): Tie[] {
  const units = new Map<T, Set<string>>();
  for (const m of members) for (const k of keysOf(m)) units.set(k, (units.get(k) ?? new Set()).add(m.unit));
  return [...units]
    .filter(([, u]) => u.size >= 2)
    .map(([key, u]) => ({ key, units: u.size }))
    .sort((a, b) => b.units - a.units || a.key.localeCompare(b.key));
}

export function groupRecurring(input: GroupItem[], minUnits = 2): Group[] {
  const items = [...input].sort((a, b) => a.id.localeCompare(b.id));
  const idf = idfOf(items);
  // Candidates: items sharing a concept or a stem not too common to index.
  const postings = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const key of [...item.concepts.map((c) => `c:${c}`), ...[...item.stems.keys()].map((s) => `s:${s}`)])
      postings.set(key, [...(postings.get(key) ?? []), i]);
  });
  const tied: [number, number][] = [];
  const seen = new Set<number>();
  for (const list of postings.values()) {
    if (list.length > MAX_POSTING) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const [i, j] = [list[x]!, list[y]!];
        const pair = i * items.length + j;
        if (seen.has(pair)) continue;
        seen.add(pair);
        if (isTied(items[i]!, items[j]!, idf)) tied.push([i, j]);
      }
  }
  const clusters = averageLinkage(
    items.map((item) => item.unit),
    tied,
  ).map((members) => members.map((i) => items[i]!));
  const groups: Group[] = [];
  for (const list of clusters) {
    const units = new Set(list.map((m) => m.unit)).size;
    if (units < Math.max(2, minUnits)) continue;
    const words = sharedBy(list, (m) => m.stems.keys())
      .filter((w) => (idf.get(w.key) ?? 0) > 0)
      .map((w) => ({ ...w, word: list.find((m) => m.stems.has(w.key))!.stems.get(w.key)! }));
    groups.push({
      items: list.map((m) => m.id),
      units,
      concepts: sharedBy(list, (m) => m.concepts),
      words,
      themes: sharedBy(list, (m) => m.themes),
    });
  }
  return groups.sort(
    (a, b) => b.units - a.units || b.items.length - a.items.length || a.items[0]!.localeCompare(b.items[0]!),
  );
}

/** A label in each language: the concepts that tie the group, else the words most shared. */
export function labelOf(group: Group): { en: string; es: string; fr: string } {
  const concepts = group.concepts.slice(0, 2).map((c) => conceptByKey.get(c.key)!.label);
  if (concepts.length) {
    const join = (lang: 'en' | 'es' | 'fr') => concepts.map((l) => l[lang]).join(' · ');
    return { en: join('en'), es: join('es'), fr: join('fr') };
  }
  const words = group.words
    .slice(0, 3)
    .map((w) => w.word)
    .join(', ');
  return { en: words, es: words, fr: words };
}
