// The one place that knows which engine runs: embedded PGlite (a data directory) or a PostgreSQL
// server (DATABASE_URL). Both speak the same SQL; everything above this module sees `Database`.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import { PreparedStatements, runPrepared } from './prepared.ts';
import type { Sql } from './sql.ts';

export interface Queryable {
  query<T = Record<string, unknown>>(q: Sql): Promise<T[]>;
  /**
   * Runs a statement through a prepared statement with a generic plan, planned once per connection
   * (prepared.ts). Only for a statement that recurs with other values and whose best plan does not
   * depend on them; its values must be text, numbers, booleans, or arrays of them.
   */
  queryReused<T = Record<string, unknown>>(q: Sql): Promise<T[]>;
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Both drivers return the same JS values: dates as 'YYYY-MM-DD' strings (no time-zone shift),
// bigint and numeric as numbers (counts and money amounts fit a double).
const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;
const toNumber = (v: string) => Number(v);
const keepString = (v: string) => v;

/**
 * The embedded engine's shared buffers, by what the process does. PGlite's default 128 MB is most
 * of its memory. A server answers searches over the whole registry: with 32 MB, searches of the
 * 100,000-project bench registry spent about a third of their time reading pages through the file
 * system (each page a system call), with 64 MB a twentieth, and with 128 MB no less. A one-off
 * command (an import) reads and writes each page about once: 32 MB imports the USAID set as fast
 * as 64 MB, with a peak of 339-372 MB rather than 407-409 MB.
 */
export const SHARED_BUFFERS = { server: '64MB', command: '32MB' } as const;

export interface OpenOptions {
  /** What the process does, which sizes the embedded engine's cache (SHARED_BUFFERS). */
  purpose?: keyof typeof SHARED_BUFFERS;
}

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  { purpose = 'command' }: OpenOptions = {},
): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openPglite(config.dataDir, SHARED_BUFFERS[purpose]);
}

async function openPostgres(url: string): Promise<Database> {
  const pg = (await import('pg')).default;
  const parsers: Record<number, (v: string) => unknown> = {
    [OID.INT8]: toNumber,
    [OID.NUMERIC]: toNumber,
    [OID.DATE]: keepString,
  };
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
  };
  // JIT compilation off for every connection. Tacit's statements run in milliseconds, but some are
  // estimated above jit_above_cost (a search that decides its sample and reads it in one
  // statement, the 3W matrix upkeep), and compiling them took about 100 ms for a search and up to
  // 1.5 s for the upkeep, far more than running them. The embedded engine has no JIT either.
  //
  // Connections stay open while idle (the pool closed them after 10 s): a new connection costs a few
  // milliseconds to open and, on its first search, about 10 ms to load the text-search
  // dictionaries, which a user searching every half minute paid each time. Commands close the pool
  // when they finish (src/cli/context.ts).
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types,
    options: '-c jit=off',
    idleTimeoutMillis: 0,
  });
  // An idle connection that the server drops (a restart, a fail-over) must not crash the process:
  // the pool discards it and the next query opens a new one.
  pool.on('error', (err) => console.error(`tacit: PostgreSQL connection lost: ${err.message}`));
  // Fail now with a clear message rather than on the first request.
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    throw new Error(`Cannot connect to PostgreSQL at DATABASE_URL: ${(err as Error).message}`);
  }
  const run = async <T>(client: { query: typeof pool.query }, q: Sql) => {
    const { text, values } = q.toQuery();
    const res = await client.query(text, values);
    return res.rows as T[];
  };
  // Prepared statements belong to a connection: each pooled client keeps its own.
  const preparedOn = new WeakMap<object, PreparedStatements>();
  const runReused = async <T>(client: InstanceType<typeof pg.Client>, q: Sql) => {
    let prepared = preparedOn.get(client);
    if (!prepared) {
      prepared = new PreparedStatements();
      preparedOn.set(client, prepared);
    }
    const send = async (text: string) => (await client.query(text)) as unknown as { rows: unknown[] }[];
    return runPrepared<T>(prepared, q, send, () => run<T>(client, q));
  };
  return {
    engine: 'postgres',
    query: (q) => run(pool, q),
    async queryReused(q) {
      const client = await pool.connect();
      try {
        return await runReused(client, q);
      } finally {
        client.release();
      }
    },
    exec: async (text) => {
      await pool.query(text);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (q) => run(client, q),
          queryReused: (q) => runReused(client, q),
          exec: async (text) => {
            await client.query(text);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, sharedBuffers: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const db = await PGlite.create(path.join(dataDir, 'pgdata'), {
      extensions: { pg_trgm, unaccent },
      // Pages come from the operating system's cache one read at a time, whether the plan wants
      // them in order or not, so random reads cost less than the default random_page_cost of 4
      // (made for spinning disks) says: with 4, words that also name organisations ('health',
      // 'education') read all 11,154 USAID projects (31-35 ms) rather than two GIN indexes
      // (17-19 ms). Not the 1.1 advised for SSDs: text-search estimates can be far too low for
      // words that come together, and with random reads that cheap the bench's two-word searches
      // skipped the country index on a cold cache (p95 68-112 ms in three runs, 38-44 with 2).
      postgresqlconf: [`shared_buffers = ${sharedBuffers}`, 'random_page_cost = 2'],
      parsers: { [OID.INT8]: toNumber, [OID.NUMERIC]: toNumber, [OID.DATE]: keepString },
    });
    const run = async <T>(target: { query: typeof db.query }, q: Sql) => {
      const { text, values } = q.toQuery();
      const res = await target.query<T>(text, values);
      return res.rows;
    };
    // One session, so one set of prepared statements, inside transactions too.
    const prepared = new PreparedStatements();
    const runReused = <T>(target: { exec: typeof db.exec; query: typeof db.query }, q: Sql) =>
      runPrepared<T>(
        prepared,
        q,
        (text) => target.exec(text),
        () => run<T>(target, q),
      );
    return {
      engine: 'pglite',
      query: (q) => run(db, q),
      queryReused: (q) => runReused(db, q),
      exec: async (text) => {
        await db.exec(text);
      },
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            query: (q) => run(tx, q),
            queryReused: (q) => runReused(tx, q),
            exec: async (text) => {
              await tx.exec(text);
            },
          }),
        ),
      async close() {
        await db.close();
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
