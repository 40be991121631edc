// Worker thread of `tacit import`: extracts the files the pool sends it, off the main thread, which
// owns the database.
import { parentPort } from 'node:worker_threads';
import { type ExtractJob, extractFile } from './extract-file.ts';

parentPort!.on('message', async (job: ExtractJob) => {
  const outcome = await extractFile(job);
  // The file's bytes move to the main thread rather than being copied: the worker is done with them.
  const bytes = outcome.ok ? outcome.bytes : null;
  const ownsBuffer = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  parentPort!.postMessage({ id: job.id, outcome }, ownsBuffer ? [bytes.buffer as ArrayBuffer] : []);
});
