// Field-level comparison of an extracted record with an expected one, shared by the
// `eval:extract` script and the fixture tests. Expected items match extracted items when every
// key the expectation gives agrees; `starts_with` checks the opening words of `text`.
export interface FieldScore {
  field: string;
  tp: number;
  fp: number;
  fn: number;
  notes: string[];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };
export type ExpectedRecord = Obj;

const norm = (v: unknown) =>
  String(v).replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Does `actual` satisfy everything `expected` states? */
export function satisfies(expected: Json, actual: unknown): boolean {
  if (isObject(expected)) {
    if (!isObject(actual)) return false;
    return Object.entries(expected).every(([key, value]) =>
      key === 'starts_with' ? norm(actual.text ?? '').startsWith(norm(value)) : satisfies(value, actual[key]),
    );
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((e) => actual.some((a) => satisfies(e, a)))
    );
  }
  return actual !== undefined && actual !== null ? norm(expected) === norm(actual) : expected === null;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 110 ? `${s.slice(0, 107)}...` : s;
}

function compareList(field: string, expected: Json[], actual: unknown, recallOnly = false): FieldScore {
  const score: FieldScore = { field, tp: 0, fp: 0, fn: 0, notes: [] };
  const pool = Array.isArray(actual) ? [...actual] : [];
  for (const item of expected) {
    const at = pool.findIndex((a) => satisfies(item, a));
    if (at >= 0) {
      score.tp++;
      pool.splice(at, 1);
    } else {
      score.fn++;
      score.notes.push(`missing ${short(item)}`);
    }
  }
  if (!recallOnly) {
    score.fp += pool.length;
    for (const extra of pool) score.notes.push(`unexpected ${short(extra)}`);
  }
  return score;
}

function compareValue(field: string, expected: Json, actual: unknown): FieldScore {
  const score: FieldScore = { field, tp: 0, fp: 0, fn: 0, notes: [] };
  if (satisfies(expected, actual)) score.tp = 1;
  else {
    score.fn = 1;
    if (actual !== undefined) score.fp = 1;
    score.notes.push(`expected ${short(expected)}, got ${short(actual)}`);
  }
  return score;
}

export function compareRecord(expected: Obj, actual: Record<string, unknown>): FieldScore[] {
  const scores: FieldScore[] = [];
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'themes_include') {
      scores.push(compareList('themes', value as Json[], actual.themes, true));
    } else if (Array.isArray(value)) {
      scores.push(compareList(key, value, actual[key]));
    } else if (isObject(value) && !['period'].includes(key)) {
      // Nested objects (evaluation, outcome) score per sub-field.
      const nested = isObject(actual[key]) ? (actual[key] as Obj) : {};
      for (const [sub, subValue] of Object.entries(value)) {
        scores.push(
          Array.isArray(subValue)
            ? compareList(`${key}.${sub}`, subValue, nested[sub])
            : compareValue(`${key}.${sub}`, subValue, nested[sub]),
        );
      }
    } else if (isObject(value)) {
      const nested = isObject(actual[key]) ? (actual[key] as Obj) : {};
      for (const [sub, subValue] of Object.entries(value))
        scores.push(compareValue(`${key}.${sub}`, subValue, nested[sub]));
    } else {
      scores.push(compareValue(key, value, actual[key]));
    }
  }
  return scores;
}
