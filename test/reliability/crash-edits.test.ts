// SIGKILL of `tacit serve` at a random moment during a burst of concurrent writes (projects created
// with their outputs, eight requests in flight at a time; the kill 0–2 s after the third acknowledged
// write), 20 times on one registry: after each restart every write the server acknowledged is
// there, and no project is half-written (each has all of its outputs, whether or not its creation
// was acknowledged before the kill).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCliServer } from '../support/cli.ts';
import { freePort } from '../support/postgres-server.ts';
import { createUnopenedTestDatabase, testEngine } from '../support/test-db.ts';
import { seededRandom } from './crash-support.ts';

const RUNS = Number(process.env.TACIT_CRASH_RUNS ?? 20);
const IN_FLIGHT = 8;
const OUTPUTS = 3;

describe(`SIGKILL during a burst of concurrent edits on ${testEngine()}`, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let token: string;
  const acknowledged = new Map<string, string>();
  const random = seededRandom(`crash-edits ${testEngine()}`);
  const tally = { runs: 0, sent: 0, acknowledged: 0, lost: 0 };

  beforeAll(async () => {
    ({ env, drop } = await createUnopenedTestDatabase());
    env = { ...env, TACIT_SEED_DEMO: 'never' };
    expect((await runCli(['org', 'add', 'Burst Agency', '--acronym', 'BURST'], env)).code).toBe(0);
    const email = 'writer@burst.example';
    expect((await runCli(['user', 'add', email, '--org', 'BURST', '--role', 'editor'], env)).code).toBe(0);
    token = (await runCli(['token', 'create', email, '--scope', 'write'], env)).stdout.trim();
  });
  afterAll(async () => {
    console.log(`crash-edits ${testEngine()}: ${JSON.stringify(tally)}`);
    await drop();
  });

  async function serve() {
    const port = await freePort();
    const server = startCliServer(env, port);
    await server.ready;
    return { server, base: `http://127.0.0.1:${port}` };
  }
  const get = (base: string, path: string) =>
    fetch(base + path, { headers: { authorization: `Bearer ${token}` } });

  for (let run = 1; run <= RUNS; run++) {
    it(`run ${run}: every acknowledged write survives, none is half-written`, async () => {
      const { server, base } = await serve();
      // The kill comes 0 to 2 s after the third acknowledged write of the run.
      let killed = false;
      let ackedThisRun = 0;
      const refusals: string[] = [];
      let n = 0;
      const writer = async () => {
        while (!killed) {
          const title = `Burst ${run}.${n++}`;
          tally.sent++;
          const outputs = Array.from({ length: OUTPUTS }, (_, i) => ({
            number: i + 1,
            title: `${title} output`,
          }));
          let res: Response;
          try {
            res = await fetch(`${base}/api/v1/projects`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ title, outputs }),
            });
          } catch {
            return; // The connection died with the server.
          }
          const body = await res.json().catch(() => null);
          if (res.status === 201) {
            acknowledged.set(body.id, title);
            tally.acknowledged++;
            ackedThisRun++;
          } else if (!killed) refusals.push(`${res.status} ${JSON.stringify(body)}`);
        }
      };
      const killer = (async () => {
        while (ackedThisRun < 3 && refusals.length === 0) await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setTimeout(r, Math.floor(random() * 2000)));
        killed = true;
        server.child.kill('SIGKILL');
      })();
      await Promise.all([killer, ...Array.from({ length: IN_FLIGHT }, writer)]);
      expect(refusals).toEqual([]);
      expect(ackedThisRun).toBeGreaterThanOrEqual(3);
      // It may have exited while the writers were finishing: 'exit' does not come twice.
      if (server.child.exitCode === null && server.child.signalCode === null)
        await new Promise((r) => server.child.once('exit', r));
      tally.runs++;

      const again = await serve();
      try {
        for (const [id, title] of acknowledged) {
          const res = await get(again.base, `/api/v1/projects/${id}`);
          if (res.status !== 200) tally.lost++;
          expect(res.status, `${title} was acknowledged`).toBe(200);
          const project = await res.json();
          expect(project.title).toBe(title);
          expect(project.outputs).toHaveLength(OUTPUTS);
        }
        // Written but not acknowledged (the kill came between commit and answer): still whole.
        const me = await (await get(again.base, '/api/v1/auth/me')).json();
        const orgId = me.memberships[0].org_id as string;
        let cursor: string | null = null;
        do {
          const page = await (
            await get(
              again.base,
              `/api/v1/projects?organisation=${orgId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
            )
          ).json();
          for (const p of page.items as { id: string }[]) {
            const project = await (await get(again.base, `/api/v1/projects/${p.id}`)).json();
            expect(project.outputs, project.title).toHaveLength(OUTPUTS);
          }
          cursor = page.next_cursor;
        } while (cursor);
      } finally {
        await again.server.stop();
      }
    });
  }
});
