// `npm run bench -- --compare REV SUITE…`: the same suites on REV (a git worktree of it in a temp
// directory, sharing this tree's node_modules through a symlink) and on this tree, alternately in
// one run (before, after; then after, before for a second round, so a machine getting busier
// does not favour one side), then each figure side by side with its ratio and the load average
// of each run. Figures are read from the suites' output: the budget's `· name: value unit` lines
// the `label: p50 X ms, p95 Y ms` lines that older revisions print too, and other `label: 12 ms` lines. `--rounds N` repeats;
// the median of the rounds is compared.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../src/paths.ts';

type Figures = Map<string, { value: number; unit: string }>;

/** The figures a suite's output names, in the two forms the suites print. */
export function parseFigures(output: string): Figures {
  const figures: Figures = new Map();
  for (const line of output.split('\n')) {
    const budget = /^\s*· (.+?): (-?[\d.]+) (\S+)/.exec(line);
    if (budget) {
      figures.set(budget[1]!, { value: Number(budget[2]), unit: budget[3]! });
      continue;
    }
    const percentiles = /^\s*(.+?): p50 ([\d.]+) ms, p95 ([\d.]+) ms/.exec(line);
    if (percentiles) {
      const name = percentiles[1]!.replace(/\s*\(.*?\)\s*/g, ' ').trim();
      figures.set(`${name} p50`, { value: Number(percentiles[2]), unit: 'ms' });
      figures.set(`${name} p95`, { value: Number(percentiles[3]), unit: 'ms' });
      continue;
    }
    // Any other `label: 12.3 ms` line (older suites print their figures so).
    const plain = /^\s*([^:]+?):\s+(-?[\d.]+) (ms|s|MB|req\/s|activities\/s)(?![\w/])/.exec(line);
    if (plain) figures.set(plain[1]!, { value: Number(plain[2]), unit: plain[3]! });
  }
  return figures;
}

interface Run {
  side: 'before' | 'after';
  figures: Figures;
  loads: [number, number];
}

function runSuites(dir: string, suites: string[], side: Run['side']): Promise<Run> {
  const loadBefore = os.loadavg()[0]!;
  console.log(`\n== ${side}: ${suites.join(', ')} in ${dir} (load ${loadBefore.toFixed(2)}) ==`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...suites], {
    cwd: dir,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d;
    process.stdout.write(d);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the ${side} run exited with code ${code}`));
      else resolve({ side, figures: parseFigures(output), loads: [loadBefore, os.loadavg()[0]!] });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The comparison table: each figure both runs measured, before, after, after ÷ before. */
export function comparisonTable(runs: Run[]): string[] {
  const sides = (side: Run['side']) => runs.filter((r) => r.side === side);
  const names = [...sides('after')[0]!.figures.keys()].filter((n) => sides('before')[0]!.figures.has(n));
  const value = (side: Run['side'], name: string) =>
    median(sides(side).map((r) => r.figures.get(name)!.value));
  const lines = names.map((name) => {
    const [before, after] = [value('before', name), value('after', name)];
    const unit = sides('after')[0]!.figures.get(name)!.unit;
    return `  ${name}: before ${before.toFixed(1)} ${unit}, after ${after.toFixed(1)} ${unit}, after/before ${(after / before).toFixed(2)}`;
  });
  const loads = runs.map((r) => `${r.side} ${r.loads[0].toFixed(2)}→${r.loads[1].toFixed(2)}`).join(', ');
  return [...lines, `  load average at the start and end of each run: ${loads}`];
}

export async function compareWith(rev: string, suites: string[], rounds: number): Promise<void> {
  if (!suites.length) throw new Error('name the suites to compare: npm run bench -- --compare REV search');
  const commit = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], { cwd: REPO_ROOT })
    .toString()
    .trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-compare-'));
  execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: REPO_ROOT, stdio: 'ignore' });
  try {
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const runs: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      const order: Run['side'][] = round % 2 ? ['after', 'before'] : ['before', 'after'];
      for (const side of order) runs.push(await runSuites(side === 'before' ? dir : REPO_ROOT, suites, side));
    }
    console.log(
      `\n== ${suites.join(', ')}: ${rev} (${commit.slice(0, 7)}) against this tree, ${rounds} round(s) ==`,
    );
    for (const line of comparisonTable(runs)) console.log(line);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: REPO_ROOT, stdio: 'ignore' });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
