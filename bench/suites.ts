// The benchmark suites, in the order they run. Each prints its own figures.
export interface BenchSuite {
  name: string;
  run(): Promise<void>;
}

export const suites: BenchSuite[] = [];
