// Runs the real `tacit` command as a child process, the way a user or a script does.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../src/paths.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const BIN = path.join(REPO_ROOT, 'bin', 'tacit.js');

export function runCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // The file itself, not `node file`: its first line carries the Node flags the command runs with.
    const child = spawn(BIN, args, {
      env: { ...process.env, TACIT_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`tacit ${args.join(' ')} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`),
      );
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts `tacit serve` and resolves once it listens; the caller stops it. */
export function startCliServer(env: Record<string, string>, port: number) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
    env: { ...process.env, TACIT_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes('Tacit is running at')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    // On 'close', not 'exit': then the child's output has been read to its end, so the error
    // carries its whole stderr (on 'exit' it could still be unread, and the cause went missing).
    child.on('close', (code, signal) =>
      reject(new Error(`tacit serve exited before it was ready (${signal ?? `code ${code}`}):\n${output}`)),
    );
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  process.once('exit', () => child.kill('SIGKILL'));
  return { child, ready, stop, output: () => output };
}
