// Likely duplicate projects with a merge proposal: keep the fuller record, and take from the
// other what the kept one lacks. Nothing is merged here; a person decides.
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type DuplicateSide, findDuplicatePairs, TITLE_SIMILARITY } from './duplicates.repository.ts';

const FIELDS = ['code', 'iati_identifier', 'description', 'start_date', 'end_date'] as const;

function completeness(p: DuplicateSide): number {
  return (
    FIELDS.filter((f) => p[f]).length +
    (p.countries.length ? 1 : 0) +
    (p.themes.length ? 1 : 0) +
    (p.budget_lines ? 1 : 0) +
    (p.participants ? 1 : 0)
  );
}

function proposal(a: DuplicateSide, b: DuplicateSide) {
  const [keep, merge] = completeness(a) >= completeness(b) ? [a, b] : [b, a];
  return {
    keep: keep.id,
    merge: merge.id,
    take_from_merged: [
      ...FIELDS.filter((f) => !keep[f] && merge[f]),
      ...(merge.countries.some((c) => !keep.countries.includes(c)) ? ['countries'] : []),
      ...(merge.themes.some((t) => !keep.themes.includes(t)) ? ['themes'] : []),
      ...(!keep.budget_lines && merge.budget_lines ? ['budget'] : []),
      ...(!keep.participants && merge.participants ? ['participants'] : []),
    ],
  };
}

const brief = (p: DuplicateSide) => ({
  id: p.id,
  title: p.title,
  code: p.code,
  iati_identifier: p.iati_identifier,
  status: p.status,
  start: p.start_date,
  end: p.end_date,
  countries: p.countries,
  owner_org: { id: p.owner_org_id, name: p.owner_name },
});

/** The reasons in words: "same IATI identifier GB-1", "similar title (85% alike)", "both in PE". */
export function explainPair(a: DuplicateSide, b: DuplicateSide, titleSimilarity: number): string[] {
  const same = (x: string | null, y: string | null) => !!x && !!y && x.toLowerCase() === y.toLowerCase();
  const shared = a.countries.filter((c) => b.countries.includes(c));
  return [
    ...(same(a.iati_identifier, b.iati_identifier) ? [`same IATI identifier ${a.iati_identifier}`] : []),
    ...(same(a.code, b.code) ? [`same project code ${a.code}`] : []),
    ...(same(a.iati_identifier, b.code) ? [`identifier ${a.iati_identifier} is the other's code`] : []),
    ...(same(a.code, b.iati_identifier) ? [`identifier ${b.iati_identifier} is the other's code`] : []),
    ...(titleSimilarity >= 0.999
      ? ['same title']
      : titleSimilarity >= TITLE_SIMILARITY
        ? [`similar title (${Math.round(titleSimilarity * 100)}% alike)`]
        : []),
    ...(shared.length ? [`both in ${shared.join(', ')}`] : []),
    ...((a.start_date || a.end_date) && (b.start_date || b.end_date) ? ['overlapping dates'] : []),
  ];
}

export const duplicatesService = {
  async findDuplicates(
    db: Queryable,
    viewer: Viewer,
    q: { country?: string[]; project_id?: string; limit: number },
  ) {
    const rows = await findDuplicatePairs(db, viewer, {
      country: q.country,
      projectId: q.project_id,
      limit: q.limit,
    });
    return {
      items: rows.map((r) => ({
        projects: [brief(r.a), brief(r.b)],
        reasons: {
          title_similarity: Math.round(r.title_similarity * 1000) / 1000,
          same_identifier: r.same_identifier,
          shared_countries: r.a.countries.filter((c) => r.b.countries.includes(c)),
          explained: explainPair(r.a, r.b, r.title_similarity),
        },
        proposal: proposal(r.a, r.b),
      })),
    };
  },
};
