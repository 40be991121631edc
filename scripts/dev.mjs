// `npm run dev`: the Tacit server on PORT (default 8080) and the Vite dev server with hot reload on
// TACIT_WEB_PORT (default 5173), which proxies /api to it. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.PORT ?? '8080';
const env = { ...process.env, PORT: apiPort, TACIT_API_URL: `http://127.0.0.1:${apiPort}` };
const children = [
  // The file itself, so its first line's memory options apply as they do for `npm start`.
  spawn(path.join(root, 'bin', 'tacit.js'), ['serve'], {
    cwd: root,
    env,
    stdio: 'inherit',
  }),
  spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), '--config', 'web/vite.config.ts'],
    {
      cwd: root,
      env,
      stdio: 'inherit',
    },
  ),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
