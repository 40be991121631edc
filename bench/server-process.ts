// `tacit serve` as its own process, as `npm start` runs it, for the suites that measure a server
// (foundation, soak): started on a port with the environment given, stopped with SIGTERM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/paths.ts';

export async function startServer(env: Record<string, string>, port: number) {
  const started = performance.now();
  // bin/tacit.js itself, not `node bin/tacit.js`: its first line carries the Node flags it runs with.
  const child = spawn(path.join(REPO_ROOT, 'bin/tacit.js'), ['serve', '--port', String(port)], {
    env: { ...process.env, TACIT_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('Tacit is running at')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  const seconds = (performance.now() - started) / 1000;
  const stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { child, seconds, stop };
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
