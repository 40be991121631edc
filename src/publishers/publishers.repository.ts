// SQL for the IATI publisher refs verified per organisation (migration 070).
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export interface PublisherRefRow {
  ref: string;
  org_id: string;
  verified_by: string | null;
  verified_at: Date;
}

export const publishersRepository = {
  async listForOrganisation(db: Queryable, orgId: string): Promise<PublisherRefRow[]> {
    return db.query<PublisherRefRow>(sql`SELECT ref, org_id, verified_by, verified_at
      FROM organisation_publisher_refs WHERE org_id = ${orgId} ORDER BY ref`);
  },

  async find(db: Queryable, ref: string): Promise<PublisherRefRow | undefined> {
    const rows = await db.query<PublisherRefRow>(sql`SELECT ref, org_id, verified_by, verified_at
      FROM organisation_publisher_refs WHERE ref = ${ref}`);
    return rows[0];
  },

  async insert(
    db: Queryable,
    orgId: string,
    ref: string,
    verifiedBy: string | null,
  ): Promise<PublisherRefRow> {
    const rows =
      await db.query<PublisherRefRow>(sql`INSERT INTO organisation_publisher_refs (ref, org_id, verified_by)
      VALUES (${ref}, ${orgId}, ${verifiedBy}) RETURNING ref, org_id, verified_by, verified_at`);
    return rows[0]!;
  },

  async delete(db: Queryable, orgId: string, ref: string): Promise<boolean> {
    const rows = await db.query<{ ref: string }>(
      sql`DELETE FROM organisation_publisher_refs WHERE org_id = ${orgId} AND ref = ${ref} RETURNING ref`,
    );
    return rows.length > 0;
  },
};
