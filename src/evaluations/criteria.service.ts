// Which evaluation criteria are most often rated weak (the lower half of the six-point scale),
// across the portfolio or by the theme or region of the evaluated project.
import type { Viewer } from '../access/viewer.ts';
import type { Database } from '../db/client.ts';
import { csvRows } from '../server/csv-reply.ts';
import { criteriaRepository } from './criteria.repository.ts';

export interface CriteriaPortfolio {
  by: string;
  groups: {
    key: string | null;
    label: string | null;
    criteria: {
      criterion: string;
      findings: number;
      rated: number;
      weak: number;
      weak_share: number | null;
    }[];
  }[];
}

export const criteriaService = {
  async portfolio(db: Database, viewer: Viewer, by: 'theme' | 'region' | 'all'): Promise<CriteriaPortfolio> {
    const rows = await criteriaRepository.counts(db, viewer, by);
    const groups = new Map<string, CriteriaPortfolio['groups'][number]>();
    for (const r of rows) {
      const id = r.key ?? '';
      if (!groups.has(id)) groups.set(id, { key: r.key, label: r.label, criteria: [] });
      groups.get(id)!.criteria.push({
        criterion: r.criterion,
        findings: r.findings,
        rated: r.rated,
        weak: r.weak,
        weak_share: r.rated ? Math.round((r.weak / r.rated) * 1000) / 1000 : null,
      });
    }
    // Most often rated weak first; criteria never rated last.
    for (const g of groups.values())
      g.criteria.sort(
        (a, b) =>
          (b.weak_share ?? -1) - (a.weak_share ?? -1) ||
          b.weak - a.weak ||
          a.criterion.localeCompare(b.criterion),
      );
    return { by, groups: [...groups.values()] };
  },

  /** One row per group and criterion, in the portfolio's order. */
  portfolioCsv(p: CriteriaPortfolio): string {
    return csvRows([
      [p.by, 'label', 'criterion', 'findings', 'rated', 'weak', 'weak_share'],
      ...p.groups.flatMap((g) =>
        g.criteria.map((c) => [g.key, g.label, c.criterion, c.findings, c.rated, c.weak, c.weak_share]),
      ),
    ]);
  },
};
