// Turns one sheet of answers into results: a score per area (0 lowest, 1 highest) formed as the
// instrument says (weighted average, weakest link, or an A–D conversion table as PEFA does), an
// overall score where the instrument defines one, and the weakest areas.
import type { Area, InstrumentDefinition } from './definition.schema.ts';
import { AREA_RATINGS, normalisedPoints } from './scales.ts';

export interface AreaResult {
  area_id: string;
  /** 0..1, or null when nothing in the area can be scored yet. */
  score: number | null;
  /** The A–D rating a conversion table gave, else null. */
  rating: string | null;
  scored_questions: number;
  answered_questions: number;
  /** Why the score is null or provisional, in words. */
  note: string | null;
}

export interface SheetResult {
  areas: AreaResult[];
  overall: number | null;
  /** Up to three scored areas with the lowest scores, lowest first. */
  weakest_areas: string[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function weightedAverage(items: { points: number; weight: number }[]): number | null {
  const total = items.reduce((s, i) => s + i.weight, 0);
  return items.length && total > 0 ? items.reduce((s, i) => s + i.points * i.weight, 0) / total : null;
}

function scoreArea(area: Area, answers: ReadonlyMap<string, string>): AreaResult {
  const scoredQuestions = area.questions.filter((q) => q.scale !== 'free_text');
  const points = scoredQuestions.flatMap((q) => {
    const value = answers.get(q.id);
    const p = value === undefined ? null : normalisedPoints(q.scale, value);
    return p === null ? [] : [{ points: p, weight: q.weight }];
  });
  const answered = area.questions.filter((q) => answers.has(q.id)).length;
  const base = { area_id: area.id, scored_questions: points.length, answered_questions: answered };
  const unscored = scoredQuestions.length - points.length;
  const partial = unscored > 0 ? `${unscored} of ${scoredQuestions.length} questions have no score` : null;
  if (area.aggregation === 'conversion_table') {
    const letters = scoredQuestions.map((q) => answers.get(q.id));
    if (letters.some((l) => l === undefined || !/^[ABCD]$/.test(l)))
      return {
        ...base,
        score: null,
        rating: null,
        note: 'a conversion table needs every criterion rated A to D',
      };
    const key = [...(letters as string[])].sort().join('');
    const row = area.conversion_table?.find((r) => [...r.when].sort().join('') === key);
    if (!row)
      return { ...base, score: null, rating: null, note: `the conversion table has no row for ${key}` };
    return { ...base, score: round((AREA_RATINGS[row.rating]! - 1) / 3), rating: row.rating, note: null };
  }
  if (!points.length)
    return { ...base, score: null, rating: null, note: scoredQuestions.length ? partial : null };
  const score =
    area.aggregation === 'weakest_link' ? Math.min(...points.map((p) => p.points)) : weightedAverage(points)!;
  return { ...base, score: round(score), rating: null, note: partial };
}

export function scoreSheet(def: InstrumentDefinition, answers: ReadonlyMap<string, string>): SheetResult {
  const areas = def.areas.map((area) => scoreArea(area, answers));
  const scored = def.areas.flatMap((area, i) => {
    const score = areas[i]!.score;
    return score === null ? [] : [{ id: area.id, points: score, weight: area.weight }];
  });
  let overall: number | null = null;
  if (def.overall === 'average') overall = weightedAverage(scored);
  else if (def.overall === 'weakest_link' && scored.length)
    overall = Math.min(...scored.map((s) => s.points));
  const weakest = [...scored].sort((a, b) => a.points - b.points).slice(0, 3);
  return {
    areas,
    overall: overall === null ? null : round(overall),
    weakest_areas: weakest.map((s) => s.id),
  };
}
