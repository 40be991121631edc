#!/usr/bin/env -S MALLOC_MMAP_THRESHOLD_=131072 node --max-semi-space-size=2 --v8-pool-size=1
// Entry point of the `tacit` command: runs the TypeScript sources through tsx's loader, so a
// fresh clone needs no build step.
// The first line trades a few per cent of CPU for memory: a 2 MB young generation instead of 16,
// one V8 helper thread instead of four (each thread keeps its own malloc arena of freed
// compilation and GC memory), and a fixed malloc mmap threshold (glibc otherwise raises it after
// the first large free, and from then on keeps every freed statement buffer). Together they take
// some 150 MB off the peak of an IATI import into the embedded database (`npm run bench -- iati`).
// `npm start` and the benches run this file directly to get them.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
