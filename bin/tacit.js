#!/usr/bin/env -S node --max-semi-space-size=2 --v8-pool-size=1
// Entry point of the `tacit` command: runs the TypeScript sources through tsx's loader, so a
// fresh clone needs no build step.
// The flags above trade a few per cent of CPU for memory: a 2 MB young generation instead of 16
// and one V8 helper thread instead of four (each thread keeps its own malloc arena of freed
// compilation and GC memory). Together they take some 150 MB off the peak of an IATI import into
// the embedded database (`npm run bench -- iati`). `npm start` runs this file directly to get them.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
