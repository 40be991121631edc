import { defineConfig } from 'vitest/config';
import { RELIABILITY_FILES } from './test/suites.ts';

// The suite runs twice, once per engine. Tests named *.unit.test.ts touch no database and run once.
// The heavy proofs in RELIABILITY_FILES run in `npm run test:reliability` (vitest.reliability.config.ts).
const shared = {
  globalSetup: ['test/support/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // A worker process runs its files one after another in the same module graph instead of loading
  // the server's modules again for each file (that loading was a fifth of the run). Each file still
  // makes its own database and server; module state is only what never changes (parsed reference
  // files, compiled patterns).
  isolate: false,
};

export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one file at a time. Most of a file's time is spent waiting:
    // on the PostgreSQL server (another process), on child processes and on HTTP round trips, so
    // three files at a time keep both cores busy (measured: see README, "Tests").
    maxWorkers: 3,
    projects: [
      {
        test: {
          ...shared,
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...RELIABILITY_FILES, '**/node_modules/**'],
          env: { TACIT_TEST_ENGINE: 'pglite' },
        },
      },
      {
        test: {
          ...shared,
          name: 'postgres',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...RELIABILITY_FILES, '**/*.unit.test.ts', '**/node_modules/**', 'test/e2e/**'],
          env: { TACIT_TEST_ENGINE: 'postgres' },
        },
      },
    ],
  },
});
