// Scores as numbers for charts: each score stays on the scale it was given on. The UK annual review
// letters run C (1) to A++ (5); a mixed mark such as "A/B" sits halfway between its letters.
const UK: Record<string, number> = { C: 1, B: 2, 'B+': 2.5, A: 3, 'A+': 4, 'A++': 5 };
export const UK_TICKS: [number, string][] = [
  [1, 'C'],
  [2, 'B'],
  [3, 'A'],
  [4, 'A+'],
  [5, 'A++'],
];

export function ukScoreValue(score: string | null | undefined): number | null {
  if (!score) return null;
  const parts = score
    .toUpperCase()
    .replace(/\s/g, '')
    .split('/')
    .map((p) => UK[p]);
  if (parts.some((p) => p === undefined)) return null;
  const values = parts as number[];
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function numericScoreValue(score: string | null | undefined): number | null {
  const n = Number(score);
  return score && Number.isFinite(n) ? n : null;
}
