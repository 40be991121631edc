// Runs prepare.ts in a worker thread and hands its chunks to the importer as an async iterable,
// so parsing, validation and mapping use the second core while the main thread writes. The
// worker is told each time a chunk is taken, and waits when the importer is far enough behind.
import { Worker } from 'node:worker_threads';
import type { PreparedChunk, PrepareOptions } from './prepare.ts';
import type { PrepareWorkerData } from './prepare-worker.ts';

/**
 * A small heap makes the worker collect garbage as it goes instead of growing: with V8's default
 * limits the thread added some 110 MB to the peak RSS of an import, with these about 75 MB, at the
 * same speed (an activity is a few kilobytes of XML; the largest of the USAID set 125 KB).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

export async function* preparedChunks(
  files: string[],
  options: PrepareOptions & { maxAhead: number; fileNames?: string[] },
): AsyncGenerator<PreparedChunk> {
  const workerData: PrepareWorkerData = { files, ...options };
  const worker = new Worker(new URL('./prepare-worker.cjs', import.meta.url), {
    workerData,
    resourceLimits: WORKER_HEAP,
    // Not the process's flags: an inherited `--import tsx` would load the ESM loader thread that
    // prepare-worker.cjs avoids.
    execArgv: [],
  });
  const arrived: PreparedChunk[] = [];
  let finished = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (chunk: PreparedChunk | null) => {
    if (chunk) arrived.push(chunk);
    else finished = true;
    wake?.();
  });
  worker.on('error', (err) => {
    failure =
      (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new Error(
            `an activity needs more than the ${WORKER_HEAP.maxOldGenerationSizeMb} MB the IATI reading thread has; the import stopped`,
          )
        : err;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (!finished) failure ??= new Error(`the IATI reading thread stopped (exit code ${code})`);
    wake?.();
  });
  try {
    for (;;) {
      const chunk = arrived.shift();
      if (chunk) {
        yield chunk;
        worker.postMessage(chunk.read);
        continue;
      }
      if (failure) throw failure;
      if (finished) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await worker.terminate();
  }
}
