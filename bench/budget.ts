// The benchmark budget: every target the issues name (bench/BUDGET.md lists them with their
// source), the figures a run measured, and `npm run bench -- --check`, which exits 1 when a figure
// misses its target. Each figure is printed with the machine's load average at that moment, since
// a loaded machine makes every timing slower.
import os from 'node:os';

export interface Target {
  /** `max`: the figure must not exceed the limit; `min`: it must reach it. */
  kind: 'max' | 'min';
  limit: number;
  unit: string;
}

/** Keyed by figure name, as the suites record them. */
export const BUDGET: Record<string, Target> = {
  'foundation/pglite/first start': { kind: 'max', limit: 20, unit: 's' },
  'foundation/postgres/first start': { kind: 'max', limit: 20, unit: 's' },
  'foundation/pglite/warm start': { kind: 'max', limit: 3, unit: 's' },
  'foundation/postgres/warm start': { kind: 'max', limit: 3, unit: 's' },
  'foundation/pglite/idle memory': { kind: 'max', limit: 300, unit: 'MB' },
  'foundation/postgres/idle memory': { kind: 'max', limit: 300, unit: 'MB' },
  'foundation/postgres/GET one project': { kind: 'min', limit: 1000, unit: 'req/s' },
  'foundation/postgres/GET one project p99': { kind: 'max', limit: 50, unit: 'ms' },
  'iati/postgres/import rate': { kind: 'min', limit: 1000, unit: 'activities/s' },
  'iati/pglite/import rate': { kind: 'min', limit: 500, unit: 'activities/s' },
  'iati/postgres/import peak RSS': { kind: 'max', limit: 400, unit: 'MB' },
  'iati/pglite/import peak RSS': { kind: 'max', limit: 400, unit: 'MB' },
  'iati/postgres/export': { kind: 'max', limit: 15, unit: 's' },
  'iati/pglite/export': { kind: 'max', limit: 15, unit: 's' },
  'extract/summary sheet': { kind: 'max', limit: 50, unit: 'ms' },
  'extract/20-page PDF': { kind: 'max', limit: 1000, unit: 'ms' },
  'search/one word p50': { kind: 'max', limit: 20, unit: 'ms' },
  'search/one word p95': { kind: 'max', limit: 100, unit: 'ms' },
  'search/overlaps p95': { kind: 'max', limit: 150, unit: 'ms' },
  'search/3W matrix p95': { kind: 'max', limit: 500, unit: 'ms' },
  // Issue 23's scale suite: each step of the curve (100k to 1M projects on PostgreSQL) is checked.
  'scale/load rate': { kind: 'min', limit: 1000, unit: 'projects/s' },
  'scale/search p95': { kind: 'max', limit: 150, unit: 'ms' },
  'scale/overlaps p95': { kind: 'max', limit: 300, unit: 'ms' },
  'scale/3W matrix': { kind: 'max', limit: 2000, unit: 'ms' },
  // "Memory flat": the last step's peak RSS against the first's.
  'scale/memory growth': { kind: 'max', limit: 1.25, unit: '×' },
  // Issue 23's soak: the server's RSS at the end against after its warm-up, and never past a bound.
  'soak/RSS growth': { kind: 'max', limit: 1.25, unit: '×' },
  'soak/peak RSS': { kind: 'max', limit: 500, unit: 'MB' },
  'soak/server errors': { kind: 'max', limit: 0, unit: 'responses' },
};

export interface Figure {
  name: string;
  value: number;
  unit: string;
  load: number;
}

export const figures: Figure[] = [];

/** Records a measured figure; the suites still print their own lines. */
export function record(name: string, value: number, unit: string): void {
  const load = os.loadavg()[0]!;
  figures.push({ name, value, unit, load });
  const target = BUDGET[name];
  const against = target ? ` [${target.kind === 'max' ? '≤' : '≥'} ${target.limit} ${target.unit}]` : '';
  console.log(`  · ${name}: ${round(value)} ${unit}${against} (load ${load.toFixed(2)})`);
}

const round = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));

/** The figures that miss their target; for a name recorded several times (both engines' search), each. */
export function misses(recorded: Figure[] = figures): string[] {
  return recorded.flatMap((f) => {
    const target = BUDGET[f.name];
    if (!target) return [];
    const ok = target.kind === 'max' ? f.value <= target.limit : f.value >= target.limit;
    return ok
      ? []
      : [
          `${f.name}: ${round(f.value)} ${f.unit}, target ${target.kind === 'max' ? '≤' : '≥'} ${target.limit} ${target.unit} (load ${f.load.toFixed(2)})`,
        ];
  });
}
