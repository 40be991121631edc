// `npm run bench`: runs every benchmark suite but the opt-in ones (scale, soak) and prints its
// figures. `npm run bench -- NAME…` runs those named. Tests never assert timings; `--check`
// compares the figures with bench/BUDGET.md (budget.ts) and exits 1 when one misses its target
// (run it on an idle machine). `--compare REV NAME` runs the suite on REV and on this tree
// (compare.ts). The other options are in args.ts.
import { benchArgs } from './args.ts';
import { BUDGET, figures, misses } from './budget.ts';
import { compareWith } from './compare.ts';
import { suites } from './suites.ts';

const only = benchArgs.suites;
const unknown = only.filter((name) => !suites.some((s) => s.name === name));
if (unknown.length)
  throw new Error(`no suite named ${unknown.join(', ')}: ${suites.map((s) => s.name).join(', ')}`);
if (benchArgs.compare) {
  await compareWith(benchArgs.compare, only, benchArgs.rounds);
} else {
  const ran: string[] = [];
  for (const suite of suites) {
    if (only.length ? !only.includes(suite.name) : suite.optIn) continue;
    console.log(`\n== ${suite.name} ==`);
    await suite.run();
    ran.push(suite.name);
  }
  if (benchArgs.check) {
    const missed = misses();
    const measured = new Set(figures.map((f) => f.name));
    const unmeasured = Object.keys(BUDGET).filter(
      (name) => !measured.has(name) && ran.includes(name.split('/')[0]!),
    );
    console.log(`\n== budget: ${figures.length} figures, ${missed.length} over budget ==`);
    for (const line of missed) console.log(`  MISSED ${line}`);
    for (const name of unmeasured) console.log(`  NOT MEASURED ${name}`);
    if (missed.length || unmeasured.length) process.exitCode = 1;
  }
}
