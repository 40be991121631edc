// `npm run build` (with the web app) and `npm start` (when the build is missing or older than the
// sources): compiles src/ to JavaScript in dist/server with tsc, and copies what the compiled code
// reads beside it (migrations, capability SQL, the worker entry files). `bin/tacit.js` then runs
// the compiled server: no TypeScript loader, and no compiler child process, at run time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const out = path.join(root, 'dist', 'server');
const stamp = path.join(out, 'BUILT_FROM');

const onlyIfStale = process.argv.includes('--if-stale');
const sourcesAt = newestMtime(src);
if (onlyIfStale && fs.existsSync(stamp) && Number(fs.readFileSync(stamp, 'utf8')) >= sourcesAt)
  process.exit(0);

console.log('Compiling the server to dist/server (tsc -p tsconfig.build.json)…');
fs.rmSync(out, { recursive: true, force: true });
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);

function copyAssets(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(full);
    else if (/\.(sql|cjs|mjs)$/.test(entry.name)) {
      const target = path.join(out, path.relative(src, full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
    }
  }
}
copyAssets(src);
fs.writeFileSync(stamp, String(sourcesAt));
