// The extraction pool of `tacit import`: a worker and the main thread, lending a hand when the
// workers are behind, extract the same draft from the same file, and the main thread leaves files
// too big for its heap to workers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureFormats } from '../../ingest/testing/fixtures.ts';
import { ExtractionPool } from './pool.ts';

describe('ExtractionPool', () => {
  const pool = new ExtractionPool(1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-pool-'));
  afterAll(async () => {
    await pool.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A promise with a flag that says whether it has settled yet. */
  const watched = <T>(promise: Promise<T>) => {
    const w = { done: false, promise: promise.finally(() => (w.done = true)) };
    return w;
  };

  it('extracts the same draft on a worker as on the main thread, when the workers are behind', async () => {
    const [txt, html, , pdf] = fixtureFormats('annual-review-peru-colombia-soc');
    const onWorker = pool.extract(txt!);
    const here = watched(pool.extract(pdf!));
    const next = pool.extract(html!);
    await pool.extractQueuedHere();
    expect(here.done).toBe(true);
    const [worker, main] = await Promise.all([onWorker, here.promise, next]);
    expect(worker.ok && main.ok).toBe(true);
    if (!worker.ok || !main.ok) return;
    expect(main.draft?.kind).toBe('annual_review');
    expect(main.draft?.record.organisations).toEqual(worker.draft?.record.organisations);
    expect(main.draft?.record.outputs).toEqual(worker.draft?.record.outputs);
    const again = await pool.extract(pdf!);
    expect(again.ok && again.sha256).toBe(main.sha256);
    expect(again.ok && again.draft?.record).toEqual(main.draft?.record);
  });

  it('leaves a file too big for the main thread to a worker, and reports what it cannot read', async () => {
    const big = path.join(dir, 'big.xyz');
    fs.writeFileSync(big, Buffer.alloc(5 * 1024 * 1024, 'a'));
    const [txt] = fixtureFormats('meeting-report-crimjust-integrity');
    const first = pool.extract(txt!);
    const tooBig = watched(pool.extract(big));
    const small = watched(pool.extract(txt!));
    await pool.extractQueuedHere();
    expect([tooBig.done, small.done]).toEqual([false, true]);
    expect(await tooBig.promise).toMatchObject({ ok: false, code: 'unsupported_format' });
    expect((await first).ok).toBe(true);
  });
});
