// Peak memory and CPU time of a process the benchmarks started (`tacit import`, `tacit
// import-iati`): the kernel's own counters in /proc, so a peak between two samples is not missed.
import fs from 'node:fs';

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
