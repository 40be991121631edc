// What the demo loader asks before it adds anything, so a second load adds nothing. These reads
// serve no viewer: each answers the loader's own question about rows that may already exist.
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export const demoRepository = {
  async hasProject(db: Queryable, ownerOrgId: string, title: string): Promise<boolean> {
    const rows = await db.query(
      sql`SELECT 1 FROM projects WHERE owner_org_id = ${ownerOrgId} AND title = ${title}`,
    );
    return rows.length > 0;
  },

  async hasDocument(db: Queryable, ownerOrgId: string, filename: string): Promise<boolean> {
    const rows = await db.query(
      sql`SELECT 1 FROM documents WHERE owner_org_id = ${ownerOrgId} AND filename = ${filename}`,
    );
    return rows.length > 0;
  },

  /** Organisations and projects together: zero only in a registry nobody has used. */
  async countOrganisationsAndProjects(db: Queryable): Promise<number> {
    const [row] = await db.query<{ n: number }>(
      sql`SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM projects) AS n`,
    );
    return row?.n ?? 0;
  },
};
