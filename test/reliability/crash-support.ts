// Shared by the crash tests: a `tacit` child process killed with SIGKILL at a random moment, a
// seeded random source (the seed is printed, so a failing run can be repeated with
// TACIT_RELIABILITY_SEED), and the counts a crash must leave equal to a clean run's.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { sql } from '../../src/db/sql.ts';
import { REPO_ROOT } from '../../src/paths.ts';
import { mulberry32 } from '../support/random.ts';

const BIN = path.join(REPO_ROOT, 'bin', 'tacit.js');

/** A small seeded generator (mulberry32): the same seed gives the same kill moments. */
export function seededRandom(label: string): () => number {
  const seed = Number(process.env.TACIT_RELIABILITY_SEED ?? Date.now() % 2 ** 31);
  console.log(`${label}: seed ${seed} (TACIT_RELIABILITY_SEED=${seed} repeats these moments)`);
  return mulberry32(seed);
}

export type Env = Record<string, string>;

/**
 * What every crash test keeps: its throw-away databases (dropped after the file), the clean run's
 * time (the kills land within it) and a tally of runs, kills during the import and partial states
 * seen, printed at the end with the seeded random source's seed at the start.
 */
export function crashBookkeeping(label: string) {
  const drops: (() => Promise<void>)[] = [];
  const book = {
    random: seededRandom(label),
    tally: { runs: 0, killedMidImport: 0, partialStates: 0 },
    cleanMs: 0,
    /** Drops the database after the file. */
    keep<T extends { env: Env; drop: () => Promise<void> }>(created: T): T {
      drops.push(created.drop);
      return created;
    },
  };
  afterAll(async () => {
    console.log(`${label}: ${JSON.stringify(book.tally)} (clean import ${book.cleanMs} ms)`);
    for (const drop of drops) await drop();
  });
  return book;
}

/** Opens the database a run left, checks its search buckets agree with its entries, reads it. */
export async function inspectDatabase<T>(env: Env, read: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TACIT_DATA_DIR ?? '' });
  try {
    expect(await searchBucketsAgree(db)).toBe(true);
    return await read(db);
  } finally {
    await db.close();
  }
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `tacit ARGS…`; `killAfterMs` sends SIGKILL that long after the start unless it has ended. */
export function runTacit(args: string[], env: Record<string, string>, killAfterMs?: number) {
  const started = Date.now();
  const child: ChildProcess = spawn(BIN, args, {
    env: { ...process.env, TACIT_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise<Finished>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Rows in every table of the registry; the tables that record events rather than state are left out. */
export async function tableCounts(db: Database, leaveOut: string[]): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }>(sql`
    SELECT c.relname AS name FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY c.relname COLLATE "C"`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    if (leaveOut.includes(name)) continue;
    const [row] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(`"${name}"`)}`);
    counts[name] = row!.n;
  }
  return counts;
}

/**
 * For each IATI activity (by its import key): how many rows each table with a project_id holds
 * for it. An activity written whole has the clean run's numbers; a half-written one has fewer.
 */
export async function rowsPerActivity(db: Database): Promise<Map<string, string>> {
  const tables = await db.query<{ name: string }>(sql`
    SELECT c.relname AS name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attname = 'project_id'
      AND NOT a.attisdropped ORDER BY c.relname COLLATE "C"`);
  const perKey = new Map<string, string[]>();
  for (const { name } of tables) {
    const rows = await db.query<{ key: string; n: number }>(sql`
      SELECT a.import_key AS key, count(t.project_id)::int AS n
      FROM iati_activities a LEFT JOIN ${sql.raw(`"${name}"`)} t ON t.project_id = a.project_id
      GROUP BY a.import_key`);
    for (const r of rows) {
      const list = perKey.get(r.key) ?? [];
      list.push(`${name}=${r.n}`);
      perKey.set(r.key, list);
    }
  }
  return new Map([...perKey].map(([k, v]) => [k, v.join(' ')]));
}

/** The search index's per-bucket counts (kept by search_index) match its entries. */
export async function searchBucketsAgree(db: Database): Promise<boolean> {
  const [row] = await db.query<{ differing: number }>(sql`
    SELECT count(*)::int AS differing FROM (
      SELECT bucket, count(*) AS n FROM search_entries GROUP BY bucket) e
    FULL JOIN (SELECT bucket, entries AS n FROM search_buckets WHERE entries > 0) b USING (bucket)
    WHERE e.n IS DISTINCT FROM b.n`);
  return row!.differing === 0;
}
