// Rules for "who else works here": a draft (or an existing project) is described by countries,
// themes, DAC codes, institutions, dates and text; what the draft leaves out is read from its
// title and description. Each overlap comes with the reasons it was found.
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { findCountries } from '../ingest/recognise/countries.ts';
import { findThemes } from '../ingest/recognise/themes.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { projectsRepository } from '../projects/projects.repository.ts';
import { endOf, startOf } from '../reference/partial-date.ts';
import { vocabularies } from '../reference/vocabularies.ts';
import { indexSize, LARGE_INDEX } from '../search/search.repository.ts';
import { errors } from '../server/errors.ts';
import { commonPhrases } from './common-phrases.ts';
import type { Overlap, OverlapRequest } from './coordination.schema.ts';
import {
  type DraftFacets,
  findOverlappingProjects,
  type OverlapRow,
  orQueryOf,
} from './overlaps.repository.ts';

const DUPLICATE_TITLE_SIMILARITY = 0.6;
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

async function draftFrom(db: Queryable, viewer: Viewer, r: OverlapRequest): Promise<DraftFacets> {
  if (r.project_id) {
    const p = await projectsRepository.findVisible(db, viewer, r.project_id);
    if (!p) throw errors.notFound('project', r.project_id);
    const funders = p.participants.filter((x) => x.role === 'funder').map((x) => x.org_id);
    return {
      selfId: p.id,
      countries: p.countries.map((c) => c.code),
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
    countries: r.countries ?? [...new Set(findCountries(text).map((c) => c.code))],
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

function toOverlap(row: OverlapRow, draft: DraftFacets): Overlap {
  const countries = vocabularies.countries();
  const themes = vocabularies.themes();
  const dac = vocabularies.dacCodes();
  const phrases = commonPhrases(draft.text, [row.title, row.description].filter(Boolean).join('\n'));
  return {
    project: {
      id: row.id,
      title: row.title,
      code: row.code,
      status: row.status,
      start: row.start_date,
      end: row.ongoing ? null : row.end_date,
      owner_org: { id: row.owner_org_id, name: row.owner_name },
    },
    score: Math.round(row.score * 1000) / 1000,
    reasons: {
      countries: row.shared_countries
        .sort()
        .map((code) => ({ code, name: countries.get(code)?.names.en ?? code })),
      themes: row.shared_themes.sort().map((code) => ({ code, name: themes.get(code)?.labels.en ?? code })),
      dac_codes: row.shared_dac.sort().map((code) => ({ code, name: dac.get(code)?.name ?? code })),
      institutions: row.shared_orgs,
      dates: row.dates_overlap ? { start: row.start_date, end: row.ongoing ? null : row.end_date } : null,
      text:
        row.text_rank > 0 || phrases.length
          ? { similarity: Math.round(row.text_rank * 1000) / 1000, phrases }
          : null,
    },
    likely_duplicate:
      row.title_similarity >= DUPLICATE_TITLE_SIMILARITY &&
      (row.shared_countries.length > 0 || draft.countries.length === 0),
  };
}

export const overlapsService = {
  async findOverlaps(db: Queryable, viewer: Viewer, r: OverlapRequest) {
    const draft = await draftFrom(db, viewer, r);
    const [titleQuery, textQuery, entries] = await Promise.all([
      orQueryOf(db, draft.title),
      orQueryOf(db, draft.text),
      indexSize(db),
    ]);
    const large = entries > LARGE_INDEX;
    const rows = await findOverlappingProjects(db, viewer, draft, titleQuery, textQuery, r.limit, large);
    return {
      draft: { countries: draft.countries, themes: draft.themes, dac_codes: draft.dacCodes },
      items: rows.filter((row) => row.score > 0).map((row) => toOverlap(row, draft)),
    };
  },
};
