// The first start as a newcomer sees it, through the real `tacit serve`: each step said as it
// begins (creating the embedded database, migrating, the demo registry n/N), the demo sign-ins once
// it is loaded, and then one log line per request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliServer } from '../../test/support/cli.ts';
import { freePort } from '../../test/support/postgres-server.ts';
import { createUnopenedTestDatabase, testEngine } from '../../test/support/test-db.ts';
import { listMigrationFiles } from '../db/migrate.ts';
import { demoSignIns } from '../demo/seed.ts';

describe(`the first start on ${testEngine()}`, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (testEngine() === 'postgres') {
      // A migrated but empty database: the demo is loaded, nothing is left to migrate.
      ({ env, drop } = await createUnopenedTestDatabase());
    } else {
      // A data directory that does not exist yet, as after a fresh clone.
      const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-first-run-'));
      env = { TACIT_DATA_DIR: path.join(parent, 'data') };
      drop = async () => fs.rmSync(parent, { recursive: true, force: true });
    }
  });
  afterAll(() => drop());

  it('says what it does, prints the demo sign-ins, then logs one JSON line per request', async () => {
    const port = await freePort();
    // Standard output is a pipe here, so the log is JSON (TACIT_LOG_FORMAT=auto).
    const server = startCliServer({ ...env, TACIT_LOG_LEVEL: 'info' }, port);
    try {
      await server.ready;
      // The sign-ins follow the line that `ready` waits for.
      const { password, users } = demoSignIns();
      for (let waited = 0; !server.output().includes(users.at(-1)!.email) && waited < 10_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      const started = server.output();
      if (testEngine() === 'pglite') {
        expect(started).toContain(`Creating the embedded database in ${env.TACIT_DATA_DIR}`);
        expect(started).toContain(
          `Migrating the database: ${listMigrationFiles().length} migrations to apply…`,
        );
      } else {
        expect(started).toContain('Connecting to PostgreSQL (DATABASE_URL)…');
        expect(started).not.toContain('Migrating');
      }
      // Not a terminal: the demo load's progress is a line every tenth of the way, ending at N/N.
      const steps = [...started.matchAll(/Loading the demo registry (\d+)\/(\d+): /g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      expect(steps.length).toBeGreaterThanOrEqual(5);
      const total = steps[0]![1]!;
      expect(steps.at(-1)).toEqual([total, total]);
      expect(steps.map(([done]) => done)).toEqual([...steps.map(([done]) => done!)].sort((a, b) => a - b));
      // The order says the steps came before the server was ready.
      expect(started.indexOf(`Loading the demo registry ${total}/${total}`)).toBeLessThan(
        started.indexOf('Tacit is running at'),
      );
      expect(started).toMatch(/Demo registry loaded: 14 organisations, 3 projects, \d+ reviews/);
      expect(started).toContain(`with password ${password} as:`);
      for (const u of users) expect(started).toMatch(new RegExp(`\\n  ${u.email} +${u.role} of ${u.org}\\n`));
      // And the sign-in it prints works.
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: users[0]!.email, password }),
      });
      expect(login.status).toBe(200);

      expect((await fetch(`http://127.0.0.1:${port}/api/v1/projects?limit=1`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/no-such-thing`)).status).toBe(404);
      await new Promise((r) => setTimeout(r, 300));
      const requests = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{') && line.includes('"msg":"request"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(requests.map((r) => [r.method, r.url, r.status])).toEqual([
        ['POST', '/api/v1/auth/login', 200],
        ['GET', '/api/v1/projects?limit=1', 200],
        ['GET', '/api/v1/no-such-thing', 404],
      ]);
      for (const r of requests) expect(r.ms).toEqual(expect.any(Number));
      expect(server.output()).not.toContain('incoming request');
      expect(server.output()).not.toContain('request completed');
    } finally {
      await server.stop();
    }
  }, 300_000);
});
