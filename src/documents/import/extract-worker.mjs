// Entry of the extraction worker. Compiled (dist/server, `npm run build`), the JavaScript is
// beside this file. From the sources, workers do not inherit the TypeScript loader the `tacit`
// command registers, so each one registers it before loading the worker's TypeScript source.
import fs from 'node:fs';

const compiled = new URL('./extract-worker.js', import.meta.url);
if (fs.existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./extract-worker.ts');
}
