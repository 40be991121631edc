// Foundation figures on both engines: first start on an empty database (demo data included),
// warm start, idle memory of the server, and GET one project / a filtered list under 50
// concurrent connections on loopback. The server runs as its own process, as `npm start` does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startPostgres } from '../test/support/postgres-server.ts';
import { record } from './budget.ts';
import { runLoad } from './load.ts';
import { rssMb, startServer } from './server-process.ts';
import type { BenchSuite } from './suites.ts';

const CONNECTIONS = 50;
const SECONDS = 8;

/** The engine a label names, as the budget's figure names spell it. */
const engineOf = (label: string) => (/pglite/i.test(label) ? 'pglite' : 'postgres');

async function measureEngine(label: string, env: Record<string, string>) {
  const port = await freePort();
  const first = await startServer(env, port);
  console.log(
    `${label}: first start on an empty database (migrations, vocabularies, demo data): ${first.seconds.toFixed(1)} s`,
  );
  record(`foundation/${engineOf(label)}/first start`, first.seconds, 's');
  await first.stop();
  const warm = await startServer(env, port);
  console.log(`${label}: warm start: ${warm.seconds.toFixed(1)} s`);
  record(`foundation/${engineOf(label)}/warm start`, warm.seconds, 's');
  await new Promise((r) => setTimeout(r, 2000));
  console.log(`${label}: idle server memory (RSS): ${rssMb(warm.child.pid!).toFixed(0)} MB`);
  record(`foundation/${engineOf(label)}/idle memory`, rssMb(warm.child.pid!), 'MB');
  try {
    const base = `http://127.0.0.1:${port}/api/v1`;
    const list = (await (await fetch(`${base}/projects?limit=1&q=XCAX75`)).json()) as {
      items: { id: string }[];
    };
    const projectId = list.items[0]!.id;
    for (const [name, url] of [
      ['GET one project', `${base}/projects/${projectId}`],
      [
        'GET filtered list (country=MX&theme=judiciary&limit=20)',
        `${base}/projects?country=MX&theme=judiciary&limit=20`,
      ],
    ] as const) {
      await runLoad(url, CONNECTIONS, 1);
      const r = await runLoad(url, CONNECTIONS, SECONDS);
      console.log(
        `${label}: ${name}, ${CONNECTIONS} connections: ${r.perSecond.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, ` +
          `p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors of ${r.requests}`,
      );
      if (name === 'GET one project') {
        record(`foundation/${engineOf(label)}/GET one project`, r.perSecond, 'req/s');
        record(`foundation/${engineOf(label)}/GET one project p99`, r.p99, 'ms');
      }
    }
    console.log(`${label}: server memory after load (RSS): ${rssMb(warm.child.pid!).toFixed(0)} MB`);
  } finally {
    await warm.stop();
  }
}

export const foundationSuite: BenchSuite = {
  name: 'foundation',
  async run() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-bench-'));
    try {
      await measureEngine('PGlite', { TACIT_DATA_DIR: dataDir });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    const pg = await startPostgres();
    try {
      const { default: pgLib } = await import('pg');
      const admin = new pgLib.Client({ connectionString: pg.url() });
      await admin.connect();
      await admin.query('CREATE DATABASE tacit_bench');
      await admin.end();
      await measureEngine('PostgreSQL', { DATABASE_URL: pg.url('tacit_bench') });
    } finally {
      await pg.stop();
    }
  },
};
