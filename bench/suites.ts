// The benchmark suites, in the order they run. Each prints its own figures. An opt-in suite (the
// scale curve, the soak) runs only when named: each takes tens of minutes.
import { extractSuite } from './extract.bench.ts';
import { foundationSuite } from './foundation.bench.ts';
import { iatiSuite } from './iati.bench.ts';
import { importSuite } from './import.bench.ts';
import { readersSuite } from './readers.bench.ts';
import { scaleSuite } from './scale.bench.ts';
import { searchSuite } from './search.bench.ts';
import { soakSuite } from './soak.bench.ts';

export interface BenchSuite {
  name: string;
  optIn?: boolean;
  run(): Promise<void>;
}

export const suites: BenchSuite[] = [
  foundationSuite,
  iatiSuite,
  extractSuite,
  readersSuite,
  importSuite,
  searchSuite,
  scaleSuite,
  soakSuite,
];
