// Runs prepare.ts in a worker thread and hands its chunks to the importer as an async iterable,
// so parsing, validation and mapping use the second core while the main thread writes. The
// worker is told each time a chunk is taken, and waits when the importer is far enough behind.
import { Worker } from 'node:worker_threads';
import type { PreparedChunk, PrepareOptions } from './prepare.ts';
import type { PrepareWorkerData } from './prepare-worker.ts';

/** A modest heap makes the worker collect garbage as it goes instead of growing. */
const WORKER_HEAP_MB = 96;

export async function* preparedChunks(
  files: string[],
  options: PrepareOptions & { maxAhead: number },
): AsyncGenerator<PreparedChunk> {
  const workerData: PrepareWorkerData = { files, ...options };
  const worker = new Worker(new URL('./prepare-worker.mjs', import.meta.url), {
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
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
    failure = err;
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
