// A process killed with SIGKILL in the middle of a transaction leaves no half-written record, and
// the database (and, for the embedded engine, its lock) is usable straight afterwards.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { sql } from '../src/db/sql.ts';
import { REPO_ROOT } from '../src/paths.ts';
import { createUnopenedTestDatabase, testEngine } from './support/test-db.ts';

describe(`kill -9 mid-write on ${testEngine()}`, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await createUnopenedTestDatabase());
  });
  afterAll(() => drop());

  it('leaves nothing of the interrupted transaction', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'test/support/crash-writer.ts')],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('MID-WRITE')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
    });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;

    const db = await openDatabase(loadConfig({ ...process.env, ...env }));
    try {
      const rows = await db.query<{ orgs: number; projects: number }>(sql`SELECT
        (SELECT count(*) FROM organisations WHERE name = 'Crash Test Org')::int AS orgs,
        (SELECT count(*) FROM projects WHERE title LIKE 'Half-written %')::int AS projects`);
      expect(rows[0]).toEqual({ orgs: 0, projects: 0 });
      await db.query(sql`INSERT INTO organisations (name) VALUES ('After the crash')`);
      expect(await db.query(sql`SELECT 1 FROM organisations WHERE name = 'After the crash'`)).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
