// The soak (issue 23): `tacit serve` on the embedded engine (the default one, whose memory a long
// run is likeliest to grow: its WebAssembly heap never shrinks), its demo registry loaded, then
// `--minutes N` (default 10) of mixed traffic from four connections: reads of projects and lists,
// searches, project writes (create, then edit) and document uploads. The server's RSS is sampled
// every 10 s. Bound: no 5xx, peak RSS ≤ 500 MB, and the last sample at most 1.25 × the first one
// after a minute's warm-up; past it the suite exits non-zero, with or without `--check`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../src/paths.ts';
import { freePort } from '../test/support/postgres-server.ts';
import { benchArgs } from './args.ts';
import { misses, record } from './budget.ts';
import { rssMb, startServer } from './server-process.ts';
import type { BenchSuite } from './suites.ts';

const CONNECTIONS = 4;
const SAMPLE_SECONDS = 10;
const WARM_UP_SECONDS = 60;
const DOCUMENTS = path.resolve(REPO_ROOT, '../shared/fixtures/documents');
const WORDS = ['police', 'justice', 'corruption', 'prison', 'training', 'court', 'Peru', 'evaluation'];
const COUNTRIES = ['MX', 'PE', 'CO', 'GT', 'HN'];
const load = () => os.loadavg()[0]!.toFixed(2);

interface Tally {
  byKind: Map<string, number>;
  ok: number;
  clientErrors: number;
  serverErrors: number;
  /** Requests without an answer (a connection reset); the server must still be running at the end. */
  connectionErrors: number;
  /** Refusals and failures by method, route and status, with the first message of each. */
  failures: Map<string, { count: number; message: string }>;
}

class SoakClient {
  private cookie = '';
  orgId = '';
  projectIds: string[] = [];
  /** The projects this client created, which it may edit. */
  ownIds: string[] = [];
  constructor(
    private readonly base: string,
    private readonly tally: Tally,
  ) {}

  async signIn() {
    const res = await fetch(`${this.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'fco@tacit.demo', password: 'tacit-demo-2026' }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = (await res.json()) as { memberships: { org_id: string }[] };
    this.orgId = me.memberships[0]!.org_id;
    const list = (await (await this.call('read', 'GET', '/projects?limit=50'))?.json()) as {
      items: { id: string }[];
    };
    this.projectIds = list.items.map((p) => p.id);
  }

  /** One request; its status tallied. Returns the response when it succeeded. */
  async call(kind: string, method: string, url: string, body?: unknown): Promise<Response | undefined> {
    const headers: Record<string, string> = { cookie: this.cookie, origin: this.base };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    this.tally.byKind.set(kind, (this.tally.byKind.get(kind) ?? 0) + 1);
    const route = `${method} ${url.replace(/[0-9a-f-]{36}/g, ':id').replace(/\?.*/, '')}`;
    let res: Response;
    try {
      res = await fetch(`${this.base}/api/v1${url}`, { method, headers, body: payload });
    } catch (err) {
      this.tally.connectionErrors++;
      this.fail(`${route} no answer`, String((err as Error).cause ?? err));
      return undefined;
    }
    if (res.status < 400) {
      this.tally.ok++;
      return res;
    }
    const text = await res.text();
    if (res.status >= 500) this.tally.serverErrors++;
    else this.tally.clientErrors++;
    this.fail(`${route} ${res.status}`, text);
    return undefined;
  }

  private fail(key: string, message: string) {
    const seen = this.tally.failures.get(key) ?? { count: 0, message: message.slice(0, 200) };
    this.tally.failures.set(key, { ...seen, count: seen.count + 1 });
  }

  /** The i-th request of a connection: 4 reads, 3 searches, 2 writes, 1 upload in every 10. */
  async step(i: number, texts: string[]) {
    const id = this.projectIds[i % this.projectIds.length]!;
    const country = COUNTRIES[i % COUNTRIES.length];
    switch (i % 10) {
      case 0:
      case 1:
        return (await this.call('read', 'GET', `/projects/${id}`))?.arrayBuffer();
      case 2:
      case 3:
        return (await this.call('read', 'GET', `/projects?country=${country}&limit=20`))?.arrayBuffer();
      case 4:
      case 5:
      case 6: {
        const q = `${WORDS[i % WORDS.length]} ${i % 3 ? '' : WORDS[(i + 3) % WORDS.length]}`.trim();
        return (await this.call('search', 'GET', `/search?q=${encodeURIComponent(q)}`))?.arrayBuffer();
      }
      case 7: {
        const created = await this.call('write', 'POST', '/projects', {
          owner_org_id: this.orgId,
          title: `Soak project ${i}: ${WORDS[i % WORDS.length]} and ${WORDS[(i + 1) % WORDS.length]}`,
          countries: [{ code: country, share: null }],
          start: '2024-01',
        });
        const project = (await created?.json()) as { id: string } | undefined;
        if (project) this.ownIds.push(project.id);
        return;
      }
      case 8: {
        const own = this.ownIds[i % Math.max(1, this.ownIds.length)];
        if (!own) return;
        const current = (await (await this.call('read', 'GET', `/projects/${own}`))?.json()) as
          | { version: number }
          | undefined;
        if (!current) return;
        return (
          await this.call('write', 'PATCH', `/projects/${own}`, {
            version: current.version,
            description: `Edited by the soak, request ${i}.`,
          })
        )?.arrayBuffer();
      }
      default: {
        const form = new FormData();
        // A line of its own makes every upload a new document, not a duplicate of the last.
        const text = `${texts[i % texts.length]}\n\nSoak upload ${i} at ${Date.now()}.\n`;
        form.append('file', new Blob([text], { type: 'text/plain' }), `soak-${i}.txt`);
        return (await this.call('upload', 'POST', '/documents', form))?.arrayBuffer();
      }
    }
  }
}

export const soakSuite: BenchSuite = {
  name: 'soak',
  optIn: true,
  async run() {
    const minutes = benchArgs.minutes ?? 10;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-bench-soak-'));
    const port = await freePort();
    const server = await startServer({ TACIT_DATA_DIR: dataDir }, port);
    const pid = server.child.pid!;
    const tally: Tally = {
      byKind: new Map(),
      ok: 0,
      clientErrors: 0,
      serverErrors: 0,
      connectionErrors: 0,
      failures: new Map(),
    };
    const samples: { at: number; mb: number }[] = [];
    try {
      const texts = fs
        .readdirSync(DOCUMENTS)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => fs.readFileSync(path.join(DOCUMENTS, f), 'utf8'));
      const clients = Array.from(
        { length: CONNECTIONS },
        () => new SoakClient(`http://127.0.0.1:${port}`, tally),
      );
      for (const c of clients) await c.signIn();
      const started = performance.now();
      const deadline = started + minutes * 60_000;
      const sample = () => {
        const at = (performance.now() - started) / 1000;
        samples.push({ at, mb: rssMb(pid) });
        const done = tally.ok + tally.clientErrors + tally.serverErrors + tally.connectionErrors;
        console.log(
          `  ${at.toFixed(0)} s: server RSS ${samples.at(-1)!.mb.toFixed(0)} MB, ${done} requests, load ${load()}`,
        );
      };
      sample();
      const sampler = setInterval(sample, SAMPLE_SECONDS * 1000);
      await Promise.all(
        clients.map(async (c, k) => {
          for (let i = k; performance.now() < deadline; i += CONNECTIONS) await c.step(i, texts);
        }),
      );
      clearInterval(sampler);
      sample();
      const seconds = (performance.now() - started) / 1000;
      const kinds = [...tally.byKind].map(([k, n]) => `${n} ${k}`).join(', ');
      console.log(
        `  ${minutes} min: ${tally.ok + tally.clientErrors + tally.serverErrors + tally.connectionErrors} requests (${kinds}), ` +
          `${(tally.ok / seconds).toFixed(1)} answered/s; ${tally.clientErrors} 4xx, ${tally.serverErrors} 5xx, ` +
          `${tally.connectionErrors} without an answer`,
      );
      for (const [key, f] of tally.failures) console.log(`    ${f.count} × ${key}: ${f.message}`);
      const warm = samples.find((s) => s.at >= Math.min(WARM_UP_SECONDS, seconds / 2)) ?? samples[0]!;
      const last = samples.at(-1)!;
      console.log(
        `  RSS after warm-up (${warm.at.toFixed(0)} s) ${warm.mb.toFixed(0)} MB, at the end ${last.mb.toFixed(0)} MB`,
      );
      record('soak/RSS growth', last.mb / warm.mb, '×');
      record('soak/peak RSS', Math.max(...samples.map((s) => s.mb)), 'MB');
      record('soak/server errors', tally.serverErrors, 'responses');
      record('soak/refused requests', tally.clientErrors, 'responses');
      record('soak/requests without an answer', tally.connectionErrors, 'requests');
      if (server.child.exitCode !== null || server.child.signalCode !== null)
        throw new Error(
          `the server stopped during the soak (${server.child.exitCode ?? server.child.signalCode})`,
        );
      if (misses().some((m) => m.startsWith('soak/'))) {
        console.log('  the soak went past its bound');
        process.exitCode = 1;
      }
    } finally {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
