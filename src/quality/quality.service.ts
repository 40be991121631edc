// Quality rules: a record's completeness as its viewer may know it, and an organisation's
// data-quality page (completeness spread, stale projects, unresolved organisation names).
import { withheldFields } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { errors } from '../server/errors.ts';
import {
  type CompletenessElement,
  completenessOf,
  ELEMENTS,
  ELEMENTS_EXPLAINED,
  PROJECT_ELEMENTS,
  type ScoredKind,
} from './elements.ts';
import {
  type ProjectQualityRow,
  type RecordQualityRow,
  qualityRepository as repo,
  SCORED_TABLES,
} from './quality.repository.ts';
import type { OrganisationQuality } from './quality.schema.ts';

/** A record is stale when nobody has updated it for this long (and it is not closed or cancelled). */
export const STALE_MONTHS = 12;
/** The completeness bands the page counts projects in. */
const BANDS = [
  { from: 0, to: 49 },
  { from: 50, to: 74 },
  { from: 75, to: 99 },
  { from: 100, to: 100 },
];
const LISTED = 20;

/** Whether a project has gone unchanged for STALE_MONTHS while it may still be running. */
export function isStale(row: { status: string; updated_at: Date }, today: Date): boolean {
  if (row.status === 'closed' || row.status === 'cancelled') return false;
  const limit = new Date(today);
  limit.setUTCMonth(limit.getUTCMonth() - STALE_MONTHS);
  return row.updated_at < limit;
}

/** Records' scores as the viewer may know them, and the totals every kind's summary gives. */
function scoredSummary<R extends RecordQualityRow>(
  viewer: Viewer,
  rows: R[],
  elements: readonly CompletenessElement[],
) {
  const scored = rows.map((r) => ({
    row: r,
    c: completenessOf(r.present, withheldFields(viewer, r), elements),
  }));
  const missCount = new Map<string, number>();
  for (const { c } of scored)
    for (const m of c.missing) missCount.set(m.key, (missCount.get(m.key) ?? 0) + 1);
  return {
    scored,
    summary: {
      total: rows.length,
      average: rows.length ? Math.round(scored.reduce((s, x) => s + x.c.score, 0) / rows.length) : null,
      incomplete: scored.filter(({ c }) => c.incomplete).length,
      missing: elements
        .filter((e) => missCount.has(e.key))
        .map((e) => ({ key: e.key, group: e.group, count: missCount.get(e.key)! }))
        .sort((a, b) => b.count - a.count),
    },
  };
}

function projectsSummary(viewer: Viewer, rows: ProjectQualityRow[]): OrganisationQuality['projects'] {
  const { scored, summary } = scoredSummary(viewer, rows, PROJECT_ELEMENTS);
  const least = [...scored].sort((a, b) => a.c.score - b.c.score).filter(({ c }) => c.score < 100);
  return {
    ...summary,
    distribution: BANDS.map((b) => ({
      ...b,
      count: scored.filter(({ c }) => c.score >= b.from && c.score <= b.to).length,
    })),
    least_complete: least.slice(0, LISTED).map(({ row, c }) => ({
      id: row.id,
      title: row.title,
      score: c.score,
      missing: c.missing.map((m) => m.key),
    })),
  };
}

export const qualityService = {
  /** The elements and their weights, as data. */
  elements() {
    const list = (elements: readonly CompletenessElement[]) =>
      elements.map((e) => ({ ...e, field: e.field ?? null }));
    return {
      project: list(ELEMENTS.project),
      meeting: list(ELEMENTS.meeting),
      review: list(ELEMENTS.review),
      evaluation: list(ELEMENTS.evaluation),
      recommendation: list(ELEMENTS.recommendation),
      explained: ELEMENTS_EXPLAINED,
    };
  },

  async organisation(
    db: Queryable,
    viewer: Viewer,
    orgId: string,
    today = new Date(),
  ): Promise<OrganisationQuality> {
    const org = await organisationsRepository.findById(db, orgId);
    if (!org) throw errors.notFound('organisation', orgId);
    const rows = await repo.projectsOwnedBy(db, viewer, orgId);
    const stale = rows
      .filter((r) => isStale(r, today))
      .sort((a, b) => a.updated_at.getTime() - b.updated_at.getTime());
    const unresolved = new Map<string, { id: string; title: string }[]>();
    for (const u of await repo.unresolvedOrganisations(db, viewer, orgId)) {
      unresolved.set(u.name, [...(unresolved.get(u.name) ?? []), { id: u.id, title: u.title }]);
    }
    const records = [];
    for (const table of SCORED_TABLES) {
      const kind = table.completeness!.kind as Exclude<ScoredKind, 'project'>;
      const owned = await repo.recordsOwnedBy(db, viewer, table, orgId);
      records.push({ kind, ...scoredSummary(viewer, owned, ELEMENTS[kind]).summary });
    }
    return {
      organisation: { id: org.id, name: org.name },
      projects: projectsSummary(viewer, rows),
      records,
      stale: {
        months: STALE_MONTHS,
        total: stale.length,
        items: stale
          .slice(0, LISTED)
          .map(({ id, title, status, updated_at }) => ({ id, title, status, updated_at })),
      },
      unresolved_organisations: [...unresolved].map(([name, documents]) => ({ name, documents })),
    };
  },
};
