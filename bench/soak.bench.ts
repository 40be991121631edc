import type { BenchSuite } from './suites.ts';
export const soakSuite: BenchSuite = { name: 'soak', optIn: true, async run() {} };
