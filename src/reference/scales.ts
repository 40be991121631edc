// The rating scales of the brief. Every score is stored with the scale it was given on, and a
// score that does not belong to its scale is refused.
/** The six-point scale of evaluations, best first. */
export const SIX_POINT = [
  'highly satisfactory',
  'satisfactory',
  'moderately satisfactory',
  'moderately unsatisfactory',
  'unsatisfactory',
  'highly unsatisfactory',
] as const;

/** Its lower half, moderately unsatisfactory or below: what the criteria portfolio counts as weak. */
export const WEAK_SIX_POINT: readonly string[] = SIX_POINT.slice(3);

export const SCALES = {
  // UK annual review (DFID / FCO / CSSF), with the CSSF B+ and mixed marks such as A/B or B+/A.
  uk_annual_review: /^(A\+\+|A\+|A|B\+|B|C)(\/(A\+\+|A\+|A|B\+|B|C))?$/,
  // CSSF from 2020-21: 4 (meets or exceeds) to 1 (most targets not met).
  cssf_numeric: /^[1-4]$/,
  six_point: new RegExp(`^(${SIX_POINT.join('|')})$`),
} as const;
export type ScaleName = keyof typeof SCALES;

/** Scores anywhere in the UK or CSSF scales: what output and outcome scores accept. */
export function isProjectScore(score: string): boolean {
  return SCALES.uk_annual_review.test(score) || SCALES.cssf_numeric.test(score);
}

export const RISK_RATINGS = ['Low', 'Medium', 'High', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

export const EVALUATION_CRITERIA = [
  'relevance',
  'coherence',
  'effectiveness',
  'efficiency',
  'impact',
  'sustainability',
  'partnerships',
  'human_rights_gender',
  'design',
] as const;
