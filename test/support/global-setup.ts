// Runs once per `vitest run`: starts one PostgreSQL server and builds one migrated template of
// each engine, so each test file gets its own database by copying a template in well under a second.
// It also compiles the server when the build is older than the sources, so every `tacit` a test
// spawns starts from JavaScript (`bin/tacit.js`) instead of translating src/ again through tsx.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { sql } from '../../src/db/sql.ts';
import { REPO_ROOT } from '../../src/paths.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';

let server: PostgresServer | undefined;
let templateDir: string | undefined;

function buildServerIfStale() {
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`The server build failed:\n${build.stdout}${build.stderr}`);
}

export default async function setup(project: TestProject) {
  // Synchronous, so the two engines' set-ups (run side by side) build once between them.
  buildServerIfStale();
  const engine = project.config.env?.TACIT_TEST_ENGINE;
  if (engine === 'postgres') {
    server = await startPostgres();
    const admin = await openDatabase({ databaseUrl: server.url(), dataDir: '' });
    await admin.exec('CREATE DATABASE tacit_template');
    await admin.close();
    const db = await openDatabase({ databaseUrl: server.url('tacit_template'), dataDir: '' });
    await migrate(db);
    await loadReferenceData(db);
    await db.query(sql`SELECT 1`);
    await db.close();
    project.provide('postgresUrl', server.url());
  } else {
    templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-pglite-template-'));
    const db = await openDatabase({ dataDir: templateDir, databaseUrl: undefined });
    await migrate(db);
    await loadReferenceData(db);
    await db.close();
    project.provide('pgliteTemplate', templateDir);
  }
  return async () => {
    await server?.stop();
    if (templateDir) fs.rmSync(templateDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    pgliteTemplate: string;
  }
}
