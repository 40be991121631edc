// Rules for "who else works here": a draft (or an existing project) is described by countries,
// themes, DAC codes, institutions, dates and text; what the draft leaves out is read from its
// title and description. Each overlap comes with the reasons it was found.
import type { Viewer } from '../access/viewer.ts';
import { type Region, regionNamed, storedRegionKeys } from '../countries/regions.ts';
import type { Queryable } from '../db/client.ts';
import { findCountries, findRegions } from '../ingest/recognise/countries.ts';
import { findThemes } from '../ingest/recognise/themes.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { projectsRepository } from '../projects/projects.repository.ts';
import { endOf, startOf } from '../reference/partial-date.ts';
import { vocabularies } from '../reference/vocabularies.ts';
import { indexSize, LARGE_INDEX } from '../search/search.repository.ts';
import { errors } from '../server/errors.ts';
import { commonPhrases, isContentWord, type Rarity, wordsOf } from './common-phrases.ts';
import type { Overlap, OverlapRequest } from './coordination.schema.ts';
import {
  countWords,
  type DraftFacets,
  findOverlappingProjects,
  type OverlapRow,
} from './overlaps.repository.ts';

const DUPLICATE_TITLE_SIMILARITY = 0.6;
/** A word held by more than this share of the index is too common to be a reason or to find candidates. */
const COMMON_WORD_SHARE = 0.15;
const NON_DONOR_ROLES = new Set(['partner', 'beneficiary', 'implementer', 'lead', 'counterpart', 'other']);

async function resolveOrgs(db: Queryable, refs: string[] | undefined, field: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, ref] of (refs ?? []).entries()) {
    const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
    const org = isId
      ? await organisationsRepository.findById(db, ref)
      : await organisationsRepository.findByAnyName(db, ref);
    if (!org) throw errors.invalidField(`${field}.${i}`, `no registered organisation is called "${ref}"`);
    ids.push(org.id);
  }
  return ids;
}

type Draft = DraftFacets & { regions: Region[] };

/** The draft's places: its countries, and its regions with what they hold and are stored as. */
function placesOf(countries: string[], regions: Region[]) {
  const own = new Set(countries);
  return {
    countries,
    regions,
    regionCountries: [...new Set(regions.flatMap((g) => [...g.countries]))].filter((c) => !own.has(c)),
    regionNames: [...new Set([...storedRegionKeys(countries).names, ...regions.flatMap((g) => g.names)])],
  };
}

const known = (regions: (Region | undefined)[]) => regions.filter((g): g is Region => g !== undefined);

async function draftFrom(db: Queryable, viewer: Viewer, r: OverlapRequest): Promise<Draft> {
  if (r.project_id) {
    const p = await projectsRepository.findVisible(db, viewer, r.project_id);
    if (!p) throw errors.notFound('project', r.project_id);
    const funders = p.participants.filter((x) => x.role === 'funder').map((x) => x.org_id);
    return {
      selfId: p.id,
      ...placesOf(
        p.countries.map((c) => c.code),
        known(p.regions.map((g) => regionNamed(g.name, g.code))),
      ),
      themes: p.themes,
      dacCodes: p.dac_codes.map((d) => d.code),
      partnerIds: p.participants.filter((x) => NON_DONOR_ROLES.has(x.role)).map((x) => x.org_id),
      funderIds: funders.length ? funders : [p.owner_org_id],
      start: p.start_date,
      end: p.ongoing ? null : p.end_date,
      title: p.title,
      text: [p.title, p.description].filter(Boolean).join('\n'),
      excludeSameDonor: r.exclude_same_donor,
    };
  }
  const text = [r.title, r.description].filter(Boolean).join('\n');
  return {
    selfId: null,
    ...placesOf(
      r.countries ?? [...new Set(findCountries(text).map((c) => c.code))],
      known(findRegions(text).map((g) => regionNamed(g.name))),
    ),
    themes: r.themes ?? [...new Set(findThemes(text).map((t) => t.slug))],
    dacCodes: r.dac_codes ?? [],
    partnerIds: await resolveOrgs(db, r.partners, 'partners'),
    funderIds: await resolveOrgs(db, r.funders, 'funders'),
    start: r.start ? startOf(r.start) : null,
    end: r.end ? endOf(r.end) : null,
    title: r.title ?? '',
    text,
    excludeSameDonor: r.exclude_same_donor,
  };
}

/**
 * Regions that place a project with the draft without a shared country: the project's regions
 * holding the draft's countries, the draft's regions holding the project's countries, and regions
 * both name. Each with the countries it brings together.
 */
function sharedRegions(row: OverlapRow, draft: Draft): { name: string; countries: string[] }[] {
  const out = new Map<string, Set<string>>();
  const add = (name: string, codes: string[]) => out.set(name, new Set([...(out.get(name) ?? []), ...codes]));
  const direct = new Set(row.shared_countries);
  const theirs = known(row.regions.map((g) => regionNamed(g.name, g.code)));
  for (const g of theirs) {
    const held = draft.countries.filter((c) => g.countries.has(c) && !direct.has(c));
    if (held.length || draft.regions.includes(g)) add(g.name, held);
  }
  for (const g of draft.regions) {
    const held = row.countries.filter((c) => g.countries.has(c) && !direct.has(c));
    if (held.length) add(g.name, held);
  }
  return [...out].map(([name, codes]) => ({ name, countries: [...codes].sort() }));
}

function toOverlap(row: OverlapRow, draft: Draft, rarity: Rarity): Overlap {
  const countries = vocabularies.countries();
  const themes = vocabularies.themes();
  const dac = vocabularies.dacCodes();
  const countryOf = (code: string) => ({ code, name: countries.get(code)?.names.en ?? code });
  const phrases = commonPhrases(
    draft.text,
    [row.title, row.description].filter(Boolean).join('\n'),
    6,
    rarity,
  );
  return {
    project: {
      id: row.id,
      title: row.title,
      code: row.code,
      iati_identifier: row.iati_identifier,
      status: row.status,
      start: row.start_date,
      end: row.ongoing ? null : row.end_date,
      countries: row.countries.map(countryOf),
      regions: row.regions.map((g) => g.name),
      donors: row.donors,
      owner_org: { id: row.owner_org_id, name: row.owner_name },
    },
    score: Math.round(row.score * 1000) / 1000,
    reasons: {
      countries: row.shared_countries.sort().map(countryOf),
      regions: sharedRegions(row, draft),
      themes: row.shared_themes.sort().map((code) => ({ code, name: themes.get(code)?.labels.en ?? code })),
      dac_codes: row.shared_dac.sort().map((code) => ({ code, name: dac.get(code)?.name ?? code })),
      institutions: row.shared_orgs,
      dates: row.dates_overlap ? { start: row.start_date, end: row.ongoing ? null : row.end_date } : null,
      text: phrases.length ? { similarity: Math.round(row.text_rank * 1000) / 1000, phrases } : null,
    },
    likely_duplicate:
      row.title_similarity >= DUPLICATE_TITLE_SIMILARITY &&
      (row.shared_countries.length > 0 || draft.countries.length === 0),
  };
}

/**
 * The draft's distinctive words: content words held by at most COMMON_WORD_SHARE of the index,
 * each weighed by its rarity (inverse document frequency), and their stems as OR queries over the
 * title's words and over all the text's.
 */
async function distinctiveWords(db: Queryable, draft: Draft, large: boolean) {
  const words = [...new Set(wordsOf(draft.text).filter(isContentWord))];
  const counted = await countWords(db, words, large);
  const weights = new Map<string, number>();
  const stems = new Map<string, string[]>();
  for (const w of counted.words) {
    if (!w.stems.length || w.matches > COMMON_WORD_SHARE * counted.entries) continue;
    weights.set(w.word, Math.log((counted.entries + 1) / (w.matches + 1)));
    stems.set(w.word, w.stems);
  }
  const queryOf = (text: string) =>
    [...new Set(wordsOf(text).flatMap((w) => stems.get(w) ?? []))]
      .map((stem) => `'${stem.replaceAll("'", "''")}'`)
      .join(' | ');
  return {
    rarity: (w: string) => weights.get(w),
    titleQuery: queryOf(draft.title),
    textQuery: queryOf(draft.text),
  };
}

export const overlapsService = {
  async findOverlaps(db: Queryable, viewer: Viewer, r: OverlapRequest) {
    const draft = await draftFrom(db, viewer, r);
    const large = (await indexSize(db)) > LARGE_INDEX;
    const { rarity, titleQuery, textQuery } = await distinctiveWords(db, draft, large);
    const rows = await findOverlappingProjects(db, viewer, draft, titleQuery, textQuery, r.limit, large);
    return {
      draft: { countries: draft.countries, themes: draft.themes, dac_codes: draft.dacCodes },
      items: rows.filter((row) => row.score > 0).map((row) => toOverlap(row, draft, rarity)),
    };
  },
};
