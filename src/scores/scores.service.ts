// Scores over time: each review's scores read on their own scales, the flags the rules of practice
// raise, and the portfolio's distribution of marks, kept per scale.
import type { z } from 'zod';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { vocabularies } from '../reference/vocabularies.ts';
import { errors } from '../server/errors.ts';
import { flagsOf, type ScoredPeriod } from './flags.ts';
import { riskValue, scoreValue } from './score-scales.ts';
import { type ReviewScoresRow, scoresRepository } from './scores.repository.ts';
import type { PortfolioQuery, ProjectScores, ScorePortfolio } from './scores.schema.ts';

type Portfolio = z.infer<typeof ScorePortfolio>;

function periodOf(r: ReviewScoresRow): string {
  if (r.period_label) return r.period_label;
  if (r.period_start || r.period_end) return `${r.period_start ?? '…'} – ${r.period_end ?? '…'}`;
  return 'undated';
}

function scoredPeriod(r: ReviewScoresRow): ScoredPeriod {
  return {
    review_id: r.id,
    period: periodOf(r),
    programme: r.overall_score ? scoreValue(r.scale, r.overall_score) : null,
    outcome: r.outcome_score ? scoreValue(r.scale, r.outcome_score) : null,
    outputs: r.output_scores.map((o) => ({ number: o.number ?? null, score: scoreValue(r.scale, o.score) })),
    risk: riskValue(r.risk_rating),
  };
}

function labelOf(by: Portfolio['by'], key: string | null, label: string | null): string | null {
  if (label || key === null) return label;
  if (by === 'country') return vocabularies.countries().get(key)?.names.en ?? key;
  if (by === 'theme') return vocabularies.themes().get(key)?.labels.en ?? key;
  return key;
}

export const scoresService = {
  async projectScores(
    db: Queryable,
    viewer: Viewer,
    projectId: string,
  ): Promise<z.infer<typeof ProjectScores>> {
    // A project one may not see answers exactly as one that does not exist.
    if (!(await scoresRepository.isProjectVisible(db, viewer, projectId)))
      throw errors.notFound('project', projectId);
    const rows = await scoresRepository.reviewsOf(db, viewer, projectId);
    const periods = rows.map(scoredPeriod);
    const flags = flagsOf(periods);
    return {
      project_id: projectId,
      periods: rows.map((r, i) => {
        const p = periods[i]!;
        return {
          review_id: r.id,
          kind: r.kind,
          period: p.period,
          period_start: r.period_start,
          period_end: r.period_end,
          programme: p.programme,
          outcome: p.outcome,
          outputs: r.output_scores.map((o, j) => ({
            number: o.number ?? null,
            title: o.title ?? null,
            score: p.outputs[j]!.score,
          })),
          risk: p.risk,
          flags: flags.filter((f) => f.review_id === r.id).map((f) => f.rule),
        };
      }),
      flags,
    };
  },

  async portfolio(db: Queryable, viewer: Viewer, q: z.infer<typeof PortfolioQuery>): Promise<Portfolio> {
    const rows = await scoresRepository.countMarks(db, viewer, q);
    const groups = new Map<string, Portfolio['groups'][number]>();
    for (const row of rows) {
      const id = row.key ?? '';
      let group = groups.get(id);
      if (!group) {
        group = { key: row.key, label: labelOf(q.by, row.key, row.label), scales: [] };
        groups.set(id, group);
      }
      let scale = group.scales.find((s) => s.scale === row.scale);
      if (!scale) {
        scale = { scale: row.scale, count: 0, mean_value: null, marks: [] };
        group.scales.push(scale);
      }
      scale.marks.push({ mark: row.mark, value: scoreValue(row.scale, row.mark).value, count: row.count });
      scale.count += row.count;
    }
    for (const group of groups.values())
      for (const scale of group.scales) {
        // The mean is taken within one scale only; marks off the scale (none are stored) are left out.
        const valued = scale.marks.filter((m) => m.value !== null);
        const n = valued.reduce((a, m) => a + m.count, 0);
        scale.mean_value = n
          ? Math.round((valued.reduce((a, m) => a + (m.value ?? 0) * m.count, 0) / n) * 100) / 100
          : null;
        scale.marks.sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.mark.localeCompare(b.mark));
      }
    return { by: q.by, kind: q.kind, groups: [...groups.values()] };
  },

  portfolioCsv(p: Portfolio): string {
    const quote = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      // A leading = + - @ would be run as a formula by spreadsheet programs.
      const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
      return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    };
    const lines = [[p.by, 'label', 'kind', 'scale', 'mark', 'value', 'count'].join(',')];
    for (const g of p.groups)
      for (const s of g.scales)
        for (const m of s.marks)
          lines.push([g.key, g.label, p.kind, s.scale, m.mark, m.value, m.count].map(quote).join(','));
    return `${lines.join('\r\n')}\r\n`;
  },
};
