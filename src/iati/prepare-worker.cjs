// Entry of the IATI prepare worker. Compiled (dist/server, `npm run build`), the JavaScript is
// beside this file. From the sources, workers do not inherit the TypeScript loader the `tacit`
// command registers, so the worker registers one before loading its TypeScript source. It is
// CommonJS on purpose: tsx's require hook runs in this thread, where its ESM hook
// (module.register) starts one more loader thread with a V8 heap of its own, some 20 MB of the
// import's peak memory.
const compiled = require('node:path').join(__dirname, 'prepare-worker.js');
if (require('node:fs').existsSync(compiled)) {
  import(require('node:url').pathToFileURL(compiled).href);
} else {
  require('tsx/cjs/api').register();
  require('./prepare-worker.ts');
}
