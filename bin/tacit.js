#!/usr/bin/env -S MALLOC_MMAP_THRESHOLD_=131072 node --max-semi-space-size=2 --v8-pool-size=1
// Entry point of the `tacit` command. It runs the compiled server (dist/server, made by
// `npm run build`, and by `npm start` when missing) when that build is as new as the sources;
// otherwise it runs the TypeScript sources through tsx's loader, so a fresh clone, the tests and
// a developer editing src/ need no build step (and never run a stale build).
// The first line trades a few per cent of CPU for memory: a 2 MB young generation instead of 16,
// one V8 helper thread instead of four (each thread keeps its own malloc arena of freed
// compilation and GC memory), and a fixed malloc mmap threshold (glibc otherwise raises it after
// the first large free, and from then on keeps every freed statement buffer). Together they take
// some 150 MB off the peak of an IATI import into the embedded database (`npm run bench -- iati`).
// `npm start` and the benches run this file directly to get them.
import fs from 'node:fs';

const built = new URL('../dist/server/BUILT_FROM', import.meta.url);
const sources = new URL('../src/', import.meta.url);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

const compiledIsCurrent =
  fs.existsSync(built) &&
  (!fs.existsSync(sources) || Number(fs.readFileSync(built, 'utf8')) >= newestMtime(sources));
if (compiledIsCurrent) {
  await import('../dist/server/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
