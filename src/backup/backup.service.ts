// `tacit backup`, `tacit restore` and `tacit move`: a snapshot (snapshot.repository.ts) written to a file,
// read from one, or piped from the embedded engine straight into PostgreSQL. A backup file is
// gzipped JSON lines, one snapshot record a line; it is written beside its name and renamed into
// place when complete, so a failed backup never leaves a file that looks whole.

import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import type { Database } from '../db/client.ts';
import {
  beginConsistentRead,
  readSnapshot,
  SnapshotError,
  type SnapshotRecord,
  writeSnapshot,
} from './snapshot.repository.ts';

export interface CopySummary {
  rows: number;
}

async function backupToFile(db: Database, file: string): Promise<CopySummary> {
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(partial);
  const finished = once(out, 'close');
  const failed = new Promise<never>((_, reject) => {
    gzip.once('error', reject);
    out.once('error', reject);
  });
  gzip.pipe(out);
  let rows = 0;
  try {
    await Promise.race([
      failed,
      db.transaction(async (tx) => {
        await beginConsistentRead(tx);
        for await (const record of readSnapshot(tx, db.engine)) {
          if (record.kind === 'rows') rows += record.rows.length;
          if (!gzip.write(`${JSON.stringify(record)}\n`)) await once(gzip, 'drain');
        }
      }),
    ]);
    gzip.end();
    await finished;
    fs.renameSync(partial, file);
    return { rows };
  } catch (err) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

async function* readBackupFile(file: string): AsyncGenerator<SnapshotRecord> {
  const gunzip = zlib.createGunzip();
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(gunzip),
    crlfDelay: Infinity,
  });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      try {
        yield JSON.parse(line) as SnapshotRecord;
      } catch (err) {
        if (err instanceof SyntaxError) throw new SnapshotError(`The backup is damaged at line ${n}.`);
        throw err;
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code?.startsWith('Z_'))
      throw new SnapshotError(
        n
          ? `The backup is damaged after line ${n} (${(err as Error).message}).`
          : 'This is not a Tacit backup (not a gzip file).',
      );
    throw err;
  } finally {
    lines.close();
  }
}

async function restoreFromFile(db: Database, file: string): Promise<CopySummary> {
  const rows = await db.transaction((tx) => writeSnapshot(tx, readBackupFile(file)));
  return { rows };
}

/** Copies `source` into `target` as of one moment of the source; `target` must hold no registry. */
async function copyDatabase(source: Database, target: Database): Promise<CopySummary> {
  const rows = await source.transaction(async (from) => {
    await beginConsistentRead(from);
    return target.transaction((to) => writeSnapshot(to, readSnapshot(from, source.engine)));
  });
  return { rows };
}

/** `tacit backup`, `restore` and `move`. */
export const backupService = { backupToFile, restoreFromFile, copyDatabase };
