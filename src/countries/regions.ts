// Which countries a region holds, so that a regional project ("Latin America", IATI region 489
// "South America, regional") counts for every country in it: in "who else works here" and when
// projects are filtered by country. Regions are built from the UN geoscheme's subregions as
// `world-countries` ships them, named as projects name them (English, Spanish, French, and the
// IATI Region codelist's names and codes).
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { DEFINITIONS } from './region-definitions.ts';

export interface Region {
  name: string;
  /** Every name a project may store for it: its own, its aliases, the IATI codelist's. */
  names: string[];
  iati: string[];
  countries: Set<string>;
}

/** Lower case without accents or a trailing ", regional", and "&" as "and". */
const keyOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/,\s*regional$/, '')
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();

let regions: { all: Region[]; byKey: Map<string, Region>; byIati: Map<string, Region> } | undefined;

function load() {
  if (regions) return regions;
  const world = createRequire(import.meta.url)('world-countries/countries.json') as Country[];
  const bySubregion = new Map<string, string[]>();
  for (const c of world) bySubregion.set(c.subregion, [...(bySubregion.get(c.subregion) ?? []), c.cca2]);
  const all = DEFINITIONS.map((d): Region => {
    const countries = new Set([...d.subregions.flatMap((s) => bySubregion.get(s) ?? []), ...(d.plus ?? [])]);
    // The IATI codelist's own names ("South America, regional") are what an import stores.
    const names = [d.name, ...d.aliases, ...d.aliases.concat(d.name).map((n) => `${n}, regional`)];
    return { name: d.name, names: [...new Set(names)], iati: d.iati, countries };
  });
  const byKey = new Map<string, Region>();
  const byIati = new Map<string, Region>();
  for (const r of all) {
    for (const n of r.names) if (!byKey.has(keyOf(n))) byKey.set(keyOf(n), r);
    for (const code of r.iati) byIati.set(code, r);
  }
  regions = { all, byKey, byIati };
  return regions;
}

/** The region a project names, by its IATI code or any of its names; undefined when unknown. */
export function regionNamed(name: string, code?: string | null): Region | undefined {
  const { byKey, byIati } = load();
  return (code ? byIati.get(code) : undefined) ?? byKey.get(keyOf(name));
}

/** Every known region holding at least one of `countries`. */
export function regionsHolding(countries: string[]): Region[] {
  return load().all.filter((r) => countries.some((c) => r.countries.has(c)));
}

/** The names and IATI codes a project may store for the regions holding `countries`. */
export function storedRegionKeys(countries: string[]): { names: string[]; codes: string[] } {
  const held = regionsHolding(countries);
  return {
    names: [...new Set(held.flatMap((r) => r.names))],
    codes: [...new Set(held.flatMap((r) => r.iati))],
  };
}
