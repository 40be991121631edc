// The benchmark suites, in the order they run. Each prints its own figures.
import { extractSuite } from './extract.bench.ts';
import { foundationSuite } from './foundation.bench.ts';
import { iatiSuite } from './iati.bench.ts';
import { importSuite } from './import.bench.ts';
import { readersSuite } from './readers.bench.ts';
import { searchSuite } from './search.bench.ts';

export interface BenchSuite {
  name: string;
  run(): Promise<void>;
}

export const suites: BenchSuite[] = [
  foundationSuite,
  iatiSuite,
  extractSuite,
  readersSuite,
  importSuite,
  searchSuite,
];
