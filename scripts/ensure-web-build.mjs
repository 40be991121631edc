// Runs before `npm start`: builds the web app when dist/web is missing or older than its sources,
// so `npm install && npm start` works from a fresh clone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist', 'web', 'index.html');

const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
const sourcesAt = Math.max(
  newestMtime(path.join(root, 'web')),
  fs.statSync(path.join(root, 'package.json')).mtimeMs,
);
if (builtAt >= sourcesAt) process.exit(0);

console.log(
  builtAt ? 'The web app is older than its sources: building it.' : 'Building the web app (first start).',
);
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
