// Worker thread of the IATI import: reads the files in order and posts chunks of prepared
// activities to the main thread, which owns the database. It stops posting while the main thread
// holds `maxAhead` activities it has not taken yet, so a slow database bounds the memory used.
import { parentPort, workerData } from 'node:worker_threads';
import { type PrepareOptions, prepareFile } from './prepare.ts';

export interface PrepareWorkerData extends PrepareOptions {
  files: string[];
  /** The names to report the files by (uploads' own names), in the order of `files`. */
  fileNames?: string[];
  maxAhead: number;
}

const { files, fileNames, maxAhead, ...options } = workerData as PrepareWorkerData;
const port = parentPort!;
let ahead = 0;
let wake: (() => void) | undefined;
port.on('message', (taken: number) => {
  ahead -= taken;
  wake?.();
});

// No top-level await: this module is loaded with require() (prepare-worker.cjs).
async function run(): Promise<void> {
  for (const [i, file] of files.entries()) {
    for await (const chunk of prepareFile(file, { ...options, name: fileNames?.[i] })) {
      while (ahead >= maxAhead) await new Promise<void>((resolve) => (wake = resolve));
      ahead += chunk.read;
      port.postMessage(chunk);
    }
  }
  port.postMessage(null);
}

void run();
