// `npm run build` (with the web app), `npm start` and the test run (when the build is missing or
// older than the sources): compiles src/ to JavaScript in dist/server, and copies what the compiled
// code reads beside it (migrations, capability SQL, the worker entry files). `bin/tacit.js` then
// runs the compiled server: no TypeScript loader, and no compiler child process, at run time.
//
// esbuild translates each file on its own (about a second for all of src/, where tsc took 20-35 s):
// type checking is `npm run typecheck`'s job, and the compiled files keep their one-to-one shape,
// so stack traces and the workers' relative paths read as in the sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { newestMtime } from './newest-mtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const out = path.join(root, 'dist', 'server');
const stamp = path.join(out, 'BUILT_FROM');

const onlyIfStale = process.argv.includes('--if-stale');
const sourcesAt = newestMtime(src);
if (onlyIfStale && fs.existsSync(stamp) && Number(fs.readFileSync(stamp, 'utf8')) >= sourcesAt)
  process.exit(0);

/** Every file under a folder, relative to it. */
function filesUnder(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

const sources = filesUnder(src);
const isTest = (f) => /\.test\.ts$/.test(f) || f.endsWith('test-setup.ts');
const entryPoints = sources.filter((f) => f.endsWith('.ts') && !isTest(f)).map((f) => path.join(src, f));

// Every import of code stays an import of its own file: relative ones now name the compiled `.js`.
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      // JSON is inlined: an external import would lose its `with { type: 'json' }`.
      if (args.kind === 'entry-point' || args.path.endsWith('.json')) return undefined;
      const relative = args.path.startsWith('./') || args.path.startsWith('../');
      return { path: relative ? args.path.replace(/\.ts$/, '.js') : args.path, external: true };
    });
  },
};

// Built beside the live folder and swapped in, so a `tacit` started meanwhile never sees half a build.
const staging = `${out}.building-${process.pid}`;
console.log('Compiling the server to dist/server (esbuild)…');
await build({
  entryPoints,
  outdir: staging,
  outbase: src,
  bundle: true,
  plugins: [keepImports],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
for (const file of sources.filter((f) => /\.(sql|cjs|mjs)$/.test(f))) {
  const target = path.join(staging, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(src, file), target);
}
fs.writeFileSync(path.join(staging, 'BUILT_FROM'), String(sourcesAt));
const old = `${out}.old-${process.pid}`;
if (fs.existsSync(out)) fs.renameSync(out, old);
fs.renameSync(staging, out);
fs.rmSync(old, { recursive: true, force: true });
