// The rating scales as data: each mark's value on its own scale, where the rules of practice draw
// their lines, and the risk ladders. A new scale is a new entry here, not new code.
// Values are positions on one scale only: scores on different scales are never averaged together.
import { type ScaleName, SIX_POINT } from '../reference/scales.ts';

export interface ScoreScale {
  /** Marks from worst to best, each with its value on this scale. */
  marks: { mark: string; value: number }[];
  /** Whether mixed marks such as A/B are allowed (their value is the mean of their parts). */
  mixed: boolean;
  /** A score at or below this value counts as "B or worse" (the improvement-plan rule). */
  weakAtOrBelow: number;
  /** A score with a part at or below this value puts the project at risk (a C). */
  atRiskAtOrBelow: number;
}

export const SCORE_SCALES: Record<ScaleName, ScoreScale> = {
  // UK annual review: A++ substantially exceeded … C substantially did not meet; CSSF adds B+.
  uk_annual_review: {
    marks: [
      { mark: 'C', value: 1 },
      { mark: 'B', value: 2 },
      { mark: 'B+', value: 2.5 },
      { mark: 'A', value: 3 },
      { mark: 'A+', value: 4 },
      { mark: 'A++', value: 5 },
    ],
    mixed: true,
    weakAtOrBelow: 2,
    atRiskAtOrBelow: 1,
  },
  // CSSF from 2020-21: 4 meets or exceeds … 1 most targets not met. 2 stands where B stood.
  cssf_numeric: {
    marks: [1, 2, 3, 4].map((v) => ({ mark: String(v), value: v })),
    mixed: false,
    weakAtOrBelow: 2,
    atRiskAtOrBelow: 1,
  },
  six_point: {
    marks: [...SIX_POINT].reverse().map((mark, i) => ({ mark, value: i + 1 })),
    mixed: false,
    weakAtOrBelow: 3,
    atRiskAtOrBelow: 2,
  },
};

export const RISK_LADDERS = {
  low_medium_high: ['Low', 'Medium', 'High'],
  minor_severe: ['Minor', 'Moderate', 'Major', 'Severe'],
} as const;
export type RiskScale = keyof typeof RISK_LADDERS;

export interface ScoreValue {
  mark: string;
  scale: ScaleName;
  /** The marks a mixed mark is made of (one for a plain mark). */
  parts: string[];
  /** Position on its own scale (mixed marks: the mean of their parts); null when not on the scale. */
  value: number | null;
  /** The value stretched to 0 (worst mark) … 1 (best mark) of its own scale, for one chart axis. */
  normalised: number | null;
}

/** The mark's value on its scale, or null when it does not belong to it. */
export function scoreValue(scale: ScaleName, mark: string): ScoreValue {
  const def = SCORE_SCALES[scale];
  const parts = def.mixed ? mark.split('/') : [mark];
  const values = parts.map((p) => def.marks.find((m) => m.mark === p)?.value);
  const known = values.length <= 2 && values.every((v): v is number => v !== undefined);
  if (!known) return { mark, scale, parts, value: null, normalised: null };
  const value = values.reduce((a, b) => a + b, 0) / values.length;
  const min = def.marks[0]!.value;
  const max = def.marks[def.marks.length - 1]!.value;
  return { mark, scale, parts, value, normalised: Math.round(((value - min) / (max - min)) * 1000) / 1000 };
}

export function isOnScale(scale: ScaleName, mark: string): boolean {
  return scoreValue(scale, mark).value !== null;
}

export function isWeak(score: ScoreValue): boolean {
  return score.value !== null && score.value <= SCORE_SCALES[score.scale].weakAtOrBelow;
}

export function isAtRisk(score: ScoreValue): boolean {
  const def = SCORE_SCALES[score.scale];
  return score.parts.some((p) => {
    const v = def.marks.find((m) => m.mark === p)?.value;
    return v !== undefined && v <= def.atRiskAtOrBelow;
  });
}

export interface RiskValue {
  rating: string;
  scale: RiskScale;
  /** 1 for the lowest rung of its ladder. */
  step: number;
  steps: number;
}

export function riskValue(rating: string | null): RiskValue | null {
  if (!rating) return null;
  for (const [scale, ladder] of Object.entries(RISK_LADDERS) as [RiskScale, readonly string[]][]) {
    const i = ladder.findIndex((r) => r.toLowerCase() === rating.toLowerCase());
    if (i >= 0) return { rating: ladder[i]!, scale, step: i + 1, steps: ladder.length };
  }
  return null;
}
