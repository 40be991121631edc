// SIGTERM during an upload: `tacit serve` stops promptly while a 45 MB single-line text is being
// read in its extraction worker, rather than waiting for the document (or its time limit).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCliServer } from './support/cli.ts';
import { freePort } from './support/postgres-server.ts';
import { createUnopenedTestDatabase } from './support/test-db.ts';

const SLOW = 180_000;

describe('SIGTERM during an upload', () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-sigterm-'));
  beforeAll(async () => {
    ({ env, drop } = await createUnopenedTestDatabase());
  }, SLOW);
  afterAll(async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'stops the server while a large upload is being read',
    async () => {
      expect((await runCli(['org', 'add', 'Stopping Agency', '--acronym', 'STOPA'], env)).code).toBe(0);
      const email = 'uploader@stopping.example';
      const user = await runCli(['user', 'add', email, '--org', 'STOPA', '--role', 'editor'], env);
      expect(user.code, user.stderr).toBe(0);
      const token = (await runCli(['token', 'create', email, '--scope', 'write'], env)).stdout.trim();
      const sentence = 'Officers in Peru were trained in financial investigation techniques. ';
      const bytes = Buffer.from(sentence.repeat(Math.ceil((45 * 1024 * 1024) / sentence.length)));
      const port = await freePort();
      // A time limit far beyond the test's: only the stop can end the upload in time.
      const server = startCliServer(
        { ...env, TACIT_SEED_DEMO: 'never', TACIT_MAX_UPLOAD_MB: '50', TACIT_EXTRACT_SECONDS: '3600' },
        port,
      );
      await server.ready;
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), 'one-line.txt');
      const upload = fetch(`http://127.0.0.1:${port}/api/v1/documents`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      }).then(
        async (res) => ({ status: res.status, body: await res.json() }),
        () => null,
      );
      // Once the file has arrived and is being read, the server is answering and is told to stop.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      const stopped = await Promise.race([
        exited.then((code) => ({ code })),
        new Promise((resolve) => setTimeout(() => resolve('still running'), 30_000)),
      ]);
      expect(stopped).toEqual({ code: 0 });
      // The upload got an answer saying to send it again (or lost its connection): never a success.
      const answer = await upload;
      if (answer) expect(answer).toMatchObject({ status: 503, body: { error: { code: 'server_stopping' } } });
      server.child.kill('SIGKILL');
    },
    SLOW,
  );
});
