// The embedded engine's autovacuum: tables churned past autovacuum's thresholds are vacuumed or
// analysed, the others left alone; on PostgreSQL autovacuum's own work is left to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor } from '../../test/support/factories.ts';
import { createTestDatabase, type TestDatabase, testEngine } from '../../test/support/test-db.ts';
import { systemViewer } from '../access/viewer.ts';
import { ProjectCreate, ProjectUpdate } from '../projects/projects.schema.ts';
import { projectsService } from '../projects/projects.service.ts';
import type { Database } from './client.ts';
import { mergeGinPendingLists, tidyAfterBulkWrite, vacuumWhereDue } from './maintenance.ts';
import { sql } from './sql.ts';

interface TableStats {
  n_live_tup: number;
  n_dead_tup: number;
  n_mod_since_analyze: number;
  vacuum_count: number;
  analyze_count: number;
}

/** One table's statistics as pg_stat_user_tables has them, made current first. */
async function tableStats(db: Database, table: string): Promise<TableStats> {
  await db.query(sql`SELECT pg_stat_force_next_flush()`);
  const [row] = await db.query<TableStats>(sql`
    SELECT n_live_tup, n_dead_tup, n_mod_since_analyze, vacuum_count, analyze_count
    FROM pg_stat_user_tables WHERE relname = ${table}`);
  if (!row) throw new Error(`no statistics for ${table}`);
  return row;
}

/**
 * An editor renames one project `edits` times: each edit leaves a dead row in `projects` (among
 * others) and adds a row to `audit_log`, which is only ever inserted into.
 */
async function editOneProject(db: Database, edits: number) {
  const { org } = await buildOrgWithEditor(db);
  const viewer = systemViewer([org.id]);
  let p = await projectsService.create(
    db,
    viewer,
    ProjectCreate.parse({ title: 'Edited many times', countries: ['PE'], owner_org_id: org.id }),
  );
  for (let i = 1; i <= edits; i++)
    p = await projectsService.update(
      db,
      viewer,
      p.id,
      ProjectUpdate.parse({ version: p.version, title: `Edit ${i}` }),
    );
}

describe('vacuumWhereDue and tidyAfterBulkWrite', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await editOneProject(t.db, 70);
  });
  afterAll(() => t.drop());

  it.runIf(testEngine() === 'pglite')(
    'vacuums the tables past the thresholds, only analyses those inserted into, and leaves the rest alone',
    async () => {
      // A round stopped (a request came in) before its first table does nothing.
      const stop = new AbortController();
      stop.abort();
      expect(await vacuumWhereDue(t.db, { signal: stop.signal })).toEqual([]);

      // Read without flushing the statistics first: vacuumWhereDue must make them current itself.
      // Never vacuumed nor analysed, each table counts as empty: 70 dead rows in projects > 50 + 0.2 × 0;
      // 72 audit rows inserted (organisation, project, edits) > 50 + 0.1 × 0 but not > 1,000 + 0.2 × 0.
      const done = await vacuumWhereDue(t.db);
      const byTable = new Map(done.map((d) => [d.table, d]));
      expect(byTable.get('projects')).toMatchObject({
        vacuumed: true,
        analysed: true,
        liveRows: 1,
        deadRows: 70,
        modifiedSinceAnalyse: 71,
      });
      expect(byTable.get('audit_log')).toMatchObject({
        vacuumed: false,
        analysed: true,
        deadRows: 0,
        modifiedSinceAnalyse: 72,
      });
      expect(byTable.has('organisations')).toBe(false);

      expect(await tableStats(t.db, 'projects')).toMatchObject({
        n_dead_tup: 0,
        n_mod_since_analyze: 0,
        vacuum_count: 1,
        analyze_count: 1,
      });
      expect(await tableStats(t.db, 'audit_log')).toMatchObject({
        n_mod_since_analyze: 0,
        vacuum_count: 0,
        analyze_count: 1,
      });
      // One organisation inserted: below 50 + 0.1 × 1, neither vacuumed nor analysed.
      expect(await tableStats(t.db, 'organisations')).toMatchObject({
        n_mod_since_analyze: 1,
        vacuum_count: 0,
        analyze_count: 0,
      });
      // Nothing is past a threshold any more.
      expect(await vacuumWhereDue(t.db)).toEqual([]);
    },
  );

  it.runIf(testEngine() === 'pglite')(
    'vacuums a table only inserted into past the insert threshold, which merges its GIN pending lists',
    async () => {
      const addOrganisations = (n: number, tag: string) =>
        t.db.query(sql`INSERT INTO organisations (name, aliases)
          SELECT ${tag} || ' agency ' || i, ARRAY[${tag} || '-' || i] FROM generate_series(1, ${n}) i`);
      // The editor's organisation and these 1,100 > 1,000 + 0.2 × 0 (never analysed, it counts as empty).
      await addOrganisations(1100, 'Bulk');
      const done = await vacuumWhereDue(t.db);
      expect(done.find((d) => d.table === 'organisations')).toMatchObject({
        vacuumed: true,
        deadRows: 0,
        insertedSinceVacuum: 1101,
      });
      expect(await mergeGinPendingLists(t.db, 'organisations')).toBe(0);

      // Ten more stay below the threshold: not vacuumed, so their alias entries wait in the list.
      await addOrganisations(10, 'Few');
      expect((await vacuumWhereDue(t.db)).map((d) => d.table)).not.toContain('organisations');
      expect(await mergeGinPendingLists(t.db, 'organisations')).toBeGreaterThan(0);
      expect(await mergeGinPendingLists(t.db, 'organisations')).toBe(0);
    },
  );

  it.runIf(testEngine() === 'postgres')('leaves PostgreSQL to its autovacuum', async () => {
    expect(await vacuumWhereDue(t.db)).toEqual([]);
    // vacuum_count and analyze_count count manual runs only (autovacuum has its own counters).
    expect(await tableStats(t.db, 'projects')).toMatchObject({ vacuum_count: 0, analyze_count: 0 });
    expect(await tableStats(t.db, 'audit_log')).toMatchObject({ vacuum_count: 0, analyze_count: 0 });
  });

  // Last: it writes again, which the counts asserted above do not expect.
  it('tidyAfterBulkWrite merges the GIN pending lists that a bulk write filled, on both engines', async () => {
    await editOneProject(t.db, 3);
    await tidyAfterBulkWrite(t.db);
    expect(await mergeGinPendingLists(t.db)).toBe(0);
    // Without it, the project's title trigrams and search entry wait in the lists.
    await editOneProject(t.db, 3);
    expect(await mergeGinPendingLists(t.db)).toBeGreaterThan(0);
  });
});
