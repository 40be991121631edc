// Peak memory and CPU time of a process the benchmarks started (`tacit import`, `tacit
// import-iati`): the kernel's own counters in /proc, so a peak between two samples is not missed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/paths.ts';

const TACIT = path.join(REPO_ROOT, 'bin', 'tacit.js');

export interface ProcessUsage {
  /** The kernel's high-water mark of resident memory (VmHWM), in kB. */
  peakKb: number;
  /** User plus system time, in clock ticks (1/100 s on Linux). */
  cpuTicks: number;
}

/** Reads a running process's usage from /proc (worker threads included) into `into`. */
export function sampleProcess(pid: number, into: ProcessUsage): void {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    into.peakKb = Math.max(into.peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    into.cpuTicks = Number(fields[11]) + Number(fields[12]);
  } catch {
    // The process has just exited: keep the last sample.
  }
}

export interface CommandRun {
  stdout: string;
  seconds: number;
  /** Peak resident memory in kB (VmHWM), and CPU seconds, as last read before the process ended. */
  peakKb: number;
  cpuSeconds: number;
}

/** Runs bin/tacit.js as its own executable (so its first line's flags apply), watching /proc. */
export async function runTacit(args: string[], env: Record<string, string>): Promise<CommandRun> {
  const started = performance.now();
  const child = spawn(TACIT, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const usage: ProcessUsage = { peakKb: 0, cpuTicks: 0 };
  const watch = setInterval(() => sampleProcess(child.pid!, usage), 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(watch);
  if (code !== 0 && code !== 2) throw new Error(`tacit ${args[0]} exited with code ${code}`);
  return {
    stdout,
    seconds: (performance.now() - started) / 1000,
    peakKb: usage.peakKb,
    cpuSeconds: usage.cpuTicks / 100,
  };
}
