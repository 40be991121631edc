import { defineConfig } from 'vitest/config';
import { RELIABILITY_FILES } from './test/suites.ts';

// `npm run test:reliability`: the heavy proofs (test/suites.ts), on both engines, one file at a
// time per engine: crash loops and memory bounds measure a process that must not share its cores
// with a dozen others.
const shared = {
  globalSetup: ['test/support/global-setup.ts'],
  testTimeout: 600_000,
  hookTimeout: 300_000,
  include: RELIABILITY_FILES,
};

export default defineConfig({
  test: {
    maxWorkers: 1,
    projects: [
      { test: { ...shared, name: 'pglite', env: { TACIT_TEST_ENGINE: 'pglite' } } },
      { test: { ...shared, name: 'postgres', env: { TACIT_TEST_ENGINE: 'postgres' } } },
    ],
  },
});
