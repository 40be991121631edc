// The embedded engine's cache is sized by what the process does (SHARED_BUFFERS in client.ts).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../../test/support/test-db.ts';
import { type Database, openDatabase } from './client.ts';
import { sql } from './sql.ts';

const sharedBuffers = async (db: Database) =>
  (await db.query<{ shared_buffers: string }>(sql`SHOW shared_buffers`))[0]!.shared_buffers;

describe('the embedded engine', () => {
  it.runIf(testEngine() === 'pglite')(
    'keeps more pages in memory for a server than for a one-off command',
    async () => {
      const t = await createTestDatabase();
      try {
        expect(await sharedBuffers(t.db)).toBe('32MB');
        await t.db.close();
        const server = await openDatabase(t.config, { purpose: 'server' });
        expect(await sharedBuffers(server)).toBe('64MB');
        // Both plan for pages read from memory, not for a disk's seeks (PostgreSQL's default 4).
        const [cost] = await server.query<{ random_page_cost: string }>(sql`SHOW random_page_cost`);
        expect(cost?.random_page_cost).toBe('2');
        await server.close();
      } finally {
        fs.rmSync(t.config.dataDir, { recursive: true, force: true });
      }
    },
  );
});
