import { defineConfig } from 'vitest/config';

// The suite runs twice, once per engine. Tests named *.unit.test.ts touch no database and run once.
const shared = {
  globalSetup: ['test/support/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          env: { TACIT_TEST_ENGINE: 'pglite' },
        },
      },
      {
        test: {
          ...shared,
          name: 'postgres',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.unit.test.ts', '**/node_modules/**', 'test/e2e/**'],
          env: { TACIT_TEST_ENGINE: 'postgres' },
        },
      },
    ],
  },
});
