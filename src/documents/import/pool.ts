// A fixed pool of extraction workers (one per core by default). Jobs queue until a worker is free;
// results come back as the worker finishes them.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Draft } from '../draft.ts';

export interface ExtractJob {
  id: number;
  path: string;
  kind?: string;
}

export type ExtractOutcome =
  | {
      ok: true;
      filename: string;
      mediaType: string;
      bytes: Buffer;
      sha256: string;
      text: string;
      draft: Draft | null;
    }
  | { ok: false; code: string; message: string };

const WORKER_HEAP_MB = 160;

interface Slot {
  worker: Worker;
  /** The job the worker is on, if any. */
  current?: (o: ExtractOutcome) => void;
}

export class ExtractionPool {
  private readonly slots: Slot[];
  private readonly queue: { job: ExtractJob; resolve: (o: ExtractOutcome) => void }[] = [];
  private nextId = 1;

  constructor(readonly size = os.availableParallelism()) {
    this.slots = Array.from({ length: size }, () => this.spawn());
  }

  private spawn(): Slot {
    // A modest heap makes each worker collect garbage between documents instead of growing: the
    // import stays within its memory budget. A file too big for it fails alone (worker_crashed).
    const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
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

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
