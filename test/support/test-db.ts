// A fresh database for the calling test file, on the engine this vitest project runs
// (TACIT_TEST_ENGINE), copied from the template that global-setup migrated once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { sql } from '../../src/db/sql.ts';
import { seedDemo } from '../../src/demo/seed.ts';

export type Engine = 'pglite' | 'postgres';

export function testEngine(): Engine {
  return process.env.TACIT_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

export interface TestDatabase {
  db: Database;
  /** What the server and CLI need to open the same database. */
  config: { databaseUrl: string | undefined; dataDir: string };
  /** Closes the database and removes it. */
  drop(): Promise<void>;
}

/** What a test database starts from: the migrated template, it with the demo registry, or nothing. */
type Start = 'template' | 'demo' | 'empty';

/** A database of its own for one test file, made from what it starts with. */
async function newTestDatabase(start: Start): Promise<TestDatabase> {
  if (testEngine() === 'postgres') {
    const base = inject('postgresUrl');
    if (start === 'demo') await ensurePostgresDemoTemplate(base);
    const name = `tacit_${start === 'empty' ? 'empty' : 'test'}_${randomBytes(6).toString('hex')}`;
    const template = {
      template: ' TEMPLATE tacit_template',
      demo: ' TEMPLATE tacit_demo_template',
      empty: '',
    };
    const admin = await openDatabase({ databaseUrl: base, dataDir: '' });
    await admin.exec(`CREATE DATABASE ${name}${template[start]}`);
    const databaseUrl = base.replace(/\/postgres$/, `/${name}`);
    const db = await openDatabase({ databaseUrl, dataDir: '' });
    return {
      db,
      config: { databaseUrl, dataDir: '' },
      async drop() {
        await db.close();
        await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
        await admin.close();
      },
    };
  }
  const dataDir = fs.mkdtempSync(
    path.join(os.tmpdir(), start === 'empty' ? 'tacit-pglite-empty-' : 'tacit-pglite-'),
  );
  if (start === 'template') fs.cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
  if (start === 'demo') fs.cpSync(await ensurePgliteDemoTemplate(), dataDir, { recursive: true });
  const db = await openDatabase({ dataDir, databaseUrl: undefined });
  return {
    db,
    config: { databaseUrl: undefined, dataDir },
    async drop() {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function createTestDatabase(): Promise<TestDatabase> {
  return newTestDatabase('template');
}

/** A fresh migrated database holding the demo registry, as `tacit seed-demo` loads it. */
export function createDemoTestDatabase(): Promise<TestDatabase> {
  return newTestDatabase('demo');
}

// The demo template is made once per run, by the first test file that asks for it: loading the demo
// takes 5-15 s, copying it about one. Files run in several worker processes at once, so the
// first one holds a lock while it loads, and the others wait for it and then copy.

/** Made beside the migrated template; its name says when it is complete. */
async function ensurePgliteDemoTemplate(): Promise<string> {
  const template = inject('pgliteTemplate');
  const ready = `${template}-demo`;
  const lock = `${template}-demo.lock`;
  for (const deadline = Date.now() + 300_000; !fs.existsSync(ready); ) {
    let mine = false;
    try {
      fs.mkdirSync(lock);
      mine = true;
    } catch {
      // Another file is loading it.
    }
    if (mine) {
      const building = `${template}-demo.building`;
      fs.cpSync(template, building, { recursive: true });
      const db = await openDatabase({ dataDir: building, databaseUrl: undefined });
      await seedDemo(db);
      await db.close();
      fs.renameSync(building, ready);
      break;
    }
    if (Date.now() > deadline) throw new Error(`The demo template was not made within 5 minutes (${lock})`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return ready;
}

/** Made under an advisory lock; renamed to its final name only once loaded. */
async function ensurePostgresDemoTemplate(base: string) {
  const admin = await openDatabase({ databaseUrl: base, dataDir: '' });
  try {
    await admin.transaction(async (tx) => {
      await tx.query(sql`SELECT pg_advisory_xact_lock(7311)`);
      const [found] = await tx.query(sql`SELECT 1 FROM pg_database WHERE datname = 'tacit_demo_template'`);
      if (found) return;
      await admin.exec('DROP DATABASE IF EXISTS tacit_demo_building');
      await admin.exec('CREATE DATABASE tacit_demo_building TEMPLATE tacit_template');
      const db = await openDatabase({
        databaseUrl: base.replace(/\/postgres$/, '/tacit_demo_building'),
        dataDir: '',
      });
      await seedDemo(db);
      await db.close();
      await admin.exec('ALTER DATABASE tacit_demo_building RENAME TO tacit_demo_template');
    });
  } finally {
    await admin.close();
  }
}

/** A fresh migrated database that this process does not open: for the CLI and servers run as child processes. */
export async function createUnopenedTestDatabase(): Promise<{
  env: Record<string, string>;
  drop(): Promise<void>;
}> {
  const t = await createTestDatabase();
  await t.db.close();
  if (t.config.databaseUrl) {
    return {
      env: { DATABASE_URL: t.config.databaseUrl },
      drop: () => dropPostgresDatabase(t.config.databaseUrl!),
    };
  }
  return {
    env: { TACIT_DATA_DIR: t.config.dataDir },
    async drop() {
      fs.rmSync(t.config.dataDir, { recursive: true, force: true });
    },
  };
}

async function dropPostgresDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  const admin = await openDatabase({ databaseUrl: inject('postgresUrl'), dataDir: '' });
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
}

/** An empty database with nothing applied: for tests that build the schema themselves (upgrades). */
export function createEmptyTestDatabase(): Promise<TestDatabase> {
  return newTestDatabase('empty');
}
