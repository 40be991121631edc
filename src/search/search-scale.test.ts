// Search with many entries: the index looks after itself on both engines (migration 034: the
// embedded engine never vacuums or analyses, so the index keeps its planner statistics and GIN
// pending lists in shape), and a facet with many values shows the same first values as ever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { ANONYMOUS } from '../access/viewer.ts';
import { sql } from '../db/sql.ts';
import { SearchQuery } from './search.schema.ts';
import { searchService } from './search.service.ts';

describe('search index upkeep', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('analyses the index when it has doubled, so what an import adds is planned with statistics', async () => {
    const entries = async () =>
      (await t.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM search_entries`))[0]!.n;
    const before = await entries();
    // Indexed at commit, 1,500 entries at once: far more than double what the index held.
    await t.db.query(
      sql`INSERT INTO organisations (name) SELECT 'Upkeep organisation ' || i FROM generate_series(1, 1500) i`,
    );
    const after = await entries();
    expect(after).toBe(before + 1500);
    const [kept] = await t.db.query<{ n: number }>(sql`SELECT analysed_entries AS n FROM search_statistics`);
    expect(kept!.n).toBe(after);
    const [stats] = await t.db.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM pg_stats WHERE tablename = 'search_entries' AND attname = 'kind'`,
    );
    expect(stats!.n).toBe(1);
    // A small change afterwards does not analyse again.
    await t.db.query(sql`INSERT INTO organisations (name) VALUES ('One more upkeep organisation')`);
    const [same] = await t.db.query<{ n: number }>(sql`SELECT analysed_entries AS n FROM search_statistics`);
    expect(same!.n).toBe(after);
  });

  it('keeps the pending lists of every GIN index of the search short', async () => {
    const indexes = await t.db.query<{ name: string; options: string[] | null }>(sql`
      SELECT c.relname AS name, c.reloptions AS options FROM pg_index x
      JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am a ON a.oid = c.relam
      WHERE x.indrelid = 'search_entries'::regclass AND a.amname = 'gin'`);
    expect(indexes.length).toBeGreaterThanOrEqual(13);
    for (const i of indexes) expect(i.options, i.name).toContain('gin_pending_list_limit=64');
  });

  it('shows the first 30 values of a facet with hundreds, ties broken by name', async () => {
    // Each organisation entry names its organisation: 1,501 values, all counted once.
    const res = await searchService.search(t.db, ANONYMOUS, SearchQuery.parse({ q: 'upkeep' }));
    expect(res.approximate).toBe(false);
    const names = ['One more upkeep organisation']
      .concat(Array.from({ length: 1500 }, (_, i) => `Upkeep organisation ${i + 1}`))
      .sort((a, b) => a.localeCompare(b));
    expect(res.facets.organisation.map((f) => f.label)).toEqual(names.slice(0, 30));
    expect(res.facets.organisation.every((f) => f.count === 1)).toBe(true);
  });
});
