// A pool of extraction workers, one per core but the main thread's, which owns the database and
// lends a hand (`extractQueuedHere`) when it has nothing to write. Jobs queue until a worker is
// free; results come back as they are finished.
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ExtractJob, type ExtractOutcome, extractFile } from './extract-file.ts';

export type { ExtractOutcome } from './extract-file.ts';

const WORKER_HEAP_MB = 160;
// V8 lets a thread's young generation grow to 48 MB before it collects it; a document's short-lived
// garbage needs far less. 8 MB takes ~30 MB off each worker's resident memory at no measurable cost
// in CPU (bench/import.bench.ts).
const WORKER_YOUNG_GENERATION_MB = 8;
// The main thread's heap has no cap: it takes only files small enough to need little of it.
const EXTRACT_HERE_MAX_BYTES = 4 * 1024 * 1024;

interface Slot {
  worker: Worker;
  /** The job the worker is on, if any. */
  current?: (o: ExtractOutcome) => void;
}

export class ExtractionPool {
  private readonly slots: Slot[];
  private readonly queue: { job: ExtractJob; resolve: (o: ExtractOutcome) => void }[] = [];
  private nextId = 1;

  // Each worker costs ~90 MB (its own heap and its own copy of pdf.js and mammoth), more than the
  // main thread needs to extract beside its writing.
  constructor(readonly size = Math.max(1, os.availableParallelism() - 1)) {
    this.slots = Array.from({ length: size }, () => this.spawn());
  }

  private spawn(): Slot {
    // A modest heap makes each worker collect garbage between documents instead of growing: the
    // import stays within its memory budget. A file too big for it fails alone (too_large_to_extract).
    const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url), {
      resourceLimits: {
        maxOldGenerationSizeMb: WORKER_HEAP_MB,
        maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
      },
    });
    const slot: Slot = { worker };
    const finish = (outcome: ExtractOutcome) => {
      const resolve = slot.current;
      slot.current = undefined;
      resolve?.(outcome);
      this.dispatch();
    };
    worker.on('message', ({ outcome }: { outcome: ExtractOutcome }) => {
      // Buffers arrive as plain Uint8Arrays; view the same memory as a Buffer.
      if (outcome.ok)
        outcome.bytes = Buffer.from(outcome.bytes.buffer, outcome.bytes.byteOffset, outcome.bytes.byteLength);
      finish(outcome);
    });
    worker.on('error', (err) => {
      // A crashed worker fails its job, not the import; a fresh one takes its place.
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
      const outOfMemory = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(
        outOfMemory
          ? {
              ok: false,
              code: 'too_large_to_extract',
              message: `Reading this file needs more than the ${WORKER_HEAP_MB} MB an extraction thread has; split it or upload it on its own.`,
            }
          : { ok: false, code: 'worker_crashed', message: err.message },
      );
    });
    worker.unref();
    return slot;
  }

  private dispatch() {
    for (const slot of this.slots) {
      if (slot.current) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.current = next.resolve;
      slot.worker.postMessage(next.job);
    }
  }

  extract(path: string, kind?: string): Promise<ExtractOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ job: { id: this.nextId++, path, kind }, resolve });
      this.dispatch();
    });
  }

  /**
   * Extracts a waiting job on the calling thread, when more jobs wait than there are workers to
   * take them next (the workers are behind) and its file is small.
   */
  async extractQueuedHere(): Promise<void> {
    if (this.queue.length <= this.slots.length) return;
    const index = this.queue.findIndex(
      (q) => (fs.statSync(q.job.path, { throwIfNoEntry: false })?.size ?? 0) <= EXTRACT_HERE_MAX_BYTES,
    );
    if (index < 0) return;
    const [next] = this.queue.splice(index, 1);
    next!.resolve(await extractFile(next!.job));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
