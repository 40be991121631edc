// SQL for sharing: which named organisations exist, and publishing records whose embargo ended.
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { OWNED_TABLE_NAMES } from '../records/owned-tables.ts';

export const sharingRepository = {
  /** The ids among `ids` that name no organisation. */
  async unknownOrganisations(db: Queryable, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await db.query<{ id: string }>(sql`
      SELECT x.id::text AS id FROM unnest(${ids}::uuid[]) AS x(id)
      WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = x.id)`);
    return rows.map((r) => r.id);
  },

  /**
   * Publishes every record whose embargo day is `today` or earlier: public, no share list, no
   * embargo. An update like any other, so the search index and the matrix follow at commit. A
   * deleted record waits: its restore lifts an embargo that ended meanwhile (src/trash/).
   */
  async liftEmbargoes(db: Queryable, today: string): Promise<{ table: string; id: string }[]> {
    const lifted: { table: string; id: string }[] = [];
    for (const table of OWNED_TABLE_NAMES) {
      const rows = await db.query<{ id: string }>(sql`
        UPDATE ${sql.raw(table)} SET visibility = 'public', shared_with = '{}', embargo_until = NULL,
          version = version + 1, updated_at = now()
        WHERE embargo_until <= ${today}::date AND visibility <> 'deleted' RETURNING id`);
      lifted.push(...rows.map((r) => ({ table, id: r.id })));
    }
    return lifted;
  },
};
