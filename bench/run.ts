// `npm run bench`: runs every benchmark suite and prints its figures. `npm run bench -- NAME` runs
// one. Tests never assert timings; `npm run bench -- --check` compares the figures with
// bench/BUDGET.md (budget.ts) and exits 1 when one misses its target (run it on an idle machine).
import { BUDGET, figures, misses } from './budget.ts';
import { suites } from './suites.ts';

const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args.filter((a) => a !== '--check');
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  console.log(`\n== ${suite.name} ==`);
  await suite.run();
}
if (check) {
  const missed = misses();
  const ran = new Set(figures.map((f) => f.name));
  const unmeasured = Object.keys(BUDGET).filter(
    (name) => !ran.has(name) && (!only.length || only.includes(name.split('/')[0]!)),
  );
  console.log(`\n== budget: ${figures.length} figures, ${missed.length} over budget ==`);
  for (const line of missed) console.log(`  MISSED ${line}`);
  for (const name of unmeasured) console.log(`  NOT MEASURED ${name}`);
  if (missed.length || unmeasured.length) process.exitCode = 1;
}
