// Starts a throw-away PostgreSQL server (Debian's `postgresql` package) in a temporary directory on
// a free loopback port, for tests and benchmarks. PostgreSQL refuses to run as root, so as root the
// server runs as the `postgres` system user that the package creates.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresServer {
  url(database?: string): string;
  stop(): Promise<void>;
}

function findBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) {
    throw new Error('PostgreSQL is not installed: run `apt-get install -y postgresql` (see .ci/run).');
  }
  return path.join(root, versions[0], 'bin');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-pg-'));
  const dataDir = path.join(dir, 'data');
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  // Run as the postgres user directly (no runuser in between), so signals reach the server.
  const user = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres'])),
        gid: Number(execFileSync('id', ['-g', 'postgres'])),
      }
    : {};
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'tacit', '--auth=trust', '-E', 'UTF8', '--no-sync'],
    {
      stdio: 'pipe',
      ...user,
    },
  );
  const port = await freePort();
  const child = spawn(
    path.join(bin, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-k',
      dir,
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], ...user },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  // Stop the server when this process ends, even on a crash, so no server outlives its tests.
  const kill = () => child.kill('SIGINT');
  process.on('exit', kill);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL did not start:\n${stderr}`);
    if (await canConnect(port)) break;
    if (Date.now() > deadline) throw new Error(`PostgreSQL did not start within 30 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: (database = 'postgres') => `postgres://tacit@127.0.0.1:${port}/${database}`,
    async stop() {
      process.off('exit', kill);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function canConnect(port: number): Promise<boolean> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: `postgres://tacit@127.0.0.1:${port}/postgres` });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
