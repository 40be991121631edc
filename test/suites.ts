// Which test files `npm test` runs and which `npm run test:reliability` runs (both vitest configs
// read this list). `npm test` has to stay under 15 minutes on the 2-core machine; the proofs below
// each take tens of seconds to minutes (a 45 MB upload, whole servers as child processes, the demo
// registry exported twice, every migration since the first release, crash loops, fuzzing), so they
// run in their own suite, which CI runs after `npm test` (.ci/run).
export const RELIABILITY_FILES = [
  'test/reliability/**/*.test.ts',
  'test/upgrade.test.ts',
  'test/crash.test.ts',
  'test/sigterm.test.ts',
  'src/backup/backup.test.ts',
  'src/documents/upload-isolation.test.ts',
  'src/reminders/servers.test.ts',
];
