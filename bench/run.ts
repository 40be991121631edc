// `npm run bench`: runs every benchmark suite and prints its figures. Nothing here passes or fails
// on timing; the figures go into the README and the issue notes. `npm run bench -- NAME` runs one.
import { suites } from './suites.ts';

const only = process.argv.slice(2);
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  console.log(`\n== ${suite.name} ==`);
  await suite.run();
}
