// A pool of extraction workers: one per core but the main thread's for `tacit import` (whose main
// thread owns the database and lends a hand, `extractQueuedHere`, when it has nothing to write),
// and the server's, which keeps reading and extracting uploads off the event loop that answers
// everyone else. Jobs queue until a worker is free; results come back as they are finished. Each
// document has a time limit and a heap limit: a worker over either is ended and replaced, and its
// document fails alone with a reason (`extraction_timeout`, `too_large_to_extract`).
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ExtractJob, type ExtractOutcome, extractFile } from './extract-file.ts';

export type { ExtractOutcome } from './extract-file.ts';

type WithoutId<J> = J extends unknown ? Omit<J, 'id'> : never;
/** What `extract` takes: a job without the id the pool gives it. */
export type ExtractRequest = WithoutId<ExtractJob>;

export interface PoolOptions {
  /** Workers; they start with the first job, not before. */
  size?: number;
  /** Heap of each worker, the most a document may take to read and extract. */
  heapMb?: number;
  /** The longest a document may take; none when unset (a file of `tacit import` may take its time). */
  timeLimitMs?: number;
}

const DEFAULT_HEAP_MB = 160;
// V8 lets a thread's young generation grow to 48 MB before it collects it; a document's short-lived
// garbage needs far less. 8 MB takes ~30 MB off each worker's resident memory at no measurable cost
// in CPU (bench/import.bench.ts).
const WORKER_YOUNG_GENERATION_MB = 8;
// The main thread's heap has no cap: it takes only files small enough to need little of it.
const EXTRACT_HERE_MAX_BYTES = 4 * 1024 * 1024;

interface Slot {
  worker: Worker;
  /** The job the worker is on, if any, and its time limit. */
  current?: (o: ExtractOutcome) => void;
  timer?: NodeJS.Timeout;
}

interface Queued {
  job: ExtractJob;
  resolve: (o: ExtractOutcome) => void;
}

const failure = (code: string, message: string): ExtractOutcome => ({ ok: false, code, message });

export class ExtractionPool {
  readonly size: number;
  private readonly heapMb: number;
  private readonly timeLimitMs: number | undefined;
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private closed = false;

  // Each worker costs ~90 MB (its own heap and its own copy of pdf.js and mammoth), more than the
  // main thread needs to extract beside its writing.
  constructor(options: PoolOptions | number = {}) {
    const o = typeof options === 'number' ? { size: options } : options;
    this.size = o.size ?? Math.max(1, os.availableParallelism() - 1);
    this.heapMb = o.heapMb ?? DEFAULT_HEAP_MB;
    this.timeLimitMs = o.timeLimitMs;
  }

  private spawn(): Slot {
    // A modest heap makes each worker collect garbage between documents instead of growing: the
    // import stays within its memory budget. A file too big for it fails alone (too_large_to_extract).
    const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url), {
      resourceLimits: {
        maxOldGenerationSizeMb: this.heapMb,
        maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
      },
    });
    const slot: Slot = { worker };
    worker.on('message', ({ outcome }: { outcome: ExtractOutcome }) => {
      // Buffers arrive as plain Uint8Arrays; view the same memory as a Buffer.
      if (outcome.ok)
        outcome.bytes = Buffer.from(outcome.bytes.buffer, outcome.bytes.byteOffset, outcome.bytes.byteLength);
      this.finish(slot, outcome);
    });
    worker.on('error', (err) => {
      // A crashed worker fails its job, not the import or the server; a fresh one takes its place.
      const outOfMemory = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.replace(
        slot,
        outOfMemory
          ? failure(
              'too_large_to_extract',
              `Reading this file needs more than the ${this.heapMb} MB a document may take; split it into smaller files and upload them one by one.`,
            )
          : failure('worker_crashed', `The file could not be read: ${err.message}`),
      );
    });
    worker.unref();
    return slot;
  }

  private finish(slot: Slot, outcome: ExtractOutcome) {
    clearTimeout(slot.timer);
    // An idle worker never keeps the process alive; a busy one must (below, in dispatch).
    slot.worker.unref();
    const resolve = slot.current;
    slot.current = undefined;
    resolve?.(outcome);
    this.dispatch();
  }

  /** Ends a worker that failed or overran, answers its job with `outcome`, and starts a fresh one. */
  private replace(slot: Slot, outcome: ExtractOutcome) {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    void slot.worker.terminate();
    this.finish(slot, outcome);
  }

  private dispatch() {
    if (this.closed) return;
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.current);
      if (!slot && this.slots.length < this.size) {
        slot = this.spawn();
        this.slots.push(slot);
      }
      if (!slot) return;
      const next = this.queue.shift()!;
      slot.current = next.resolve;
      if (this.timeLimitMs) {
        const busy = slot;
        busy.timer = setTimeout(
          () =>
            this.replace(
              busy,
              failure(
                'extraction_timeout',
                `The file could not be read in time (${Math.round(this.timeLimitMs! / 1000)} s); split it into smaller files, or save it with paragraph breaks, and upload it again.`,
              ),
            ),
          this.timeLimitMs,
        );
      }
      // While a worker reads a file it holds the process open: a `tacit import` whose main thread
      // only waits for a worker (one .docx, say) would otherwise end with its await unsettled (exit 13).
      slot.worker.ref();
      slot.worker.postMessage(next.job);
    }
  }

  /** Reads and extracts a file on disk, or in memory (`{ file, organisations }`). */
  extract(request: ExtractRequest | string, kind?: string): Promise<ExtractOutcome> {
    const job = (typeof request === 'string' ? { path: request, kind } : request) as Omit<ExtractJob, 'id'>;
    return new Promise((resolve) => {
      if (this.closed)
        return resolve(failure('server_stopping', 'Tacit is stopping; upload the file again.'));
      this.queue.push({ job: { ...job, id: this.nextId++ } as ExtractJob, resolve });
      this.dispatch();
    });
  }

  /**
   * Extracts a waiting job on the calling thread, when more jobs wait than there are workers to
   * take them next (the workers are behind) and its file is small.
   */
  async extractQueuedHere(): Promise<void> {
    if (this.queue.length <= this.size) return;
    const index = this.queue.findIndex(
      ({ job }) =>
        'path' in job &&
        (fs.statSync(job.path, { throwIfNoEntry: false })?.size ?? 0) <= EXTRACT_HERE_MAX_BYTES,
    );
    if (index < 0) return;
    const [next] = this.queue.splice(index, 1);
    next!.resolve(await extractFile(next!.job));
  }

  /** Ends the workers; documents being read or waiting fail (`server_stopping`), so no caller waits. */
  async close(): Promise<void> {
    this.closed = true;
    const stopping = failure('server_stopping', 'Tacit is stopping; upload the file again.');
    for (const queued of this.queue.splice(0)) queued.resolve(stopping);
    const slots = this.slots.splice(0);
    for (const slot of slots) this.finish(slot, stopping);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
