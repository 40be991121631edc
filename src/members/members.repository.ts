// SQL for an organisation's members and invitations.
import type { Role } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export interface MemberRow {
  user_id: string;
  email: string;
  name: string | null;
  role: Role;
  has_password: boolean;
  joined_at: Date;
}

export const membersRepository = {
  async list(db: Queryable, orgId: string): Promise<MemberRow[]> {
    return db.query<MemberRow>(sql`SELECT u.id AS user_id, u.email, u.name, m.role, u.password_hash IS NOT NULL AS has_password,
        m.created_at AS joined_at
      FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = ${orgId} ORDER BY lower(u.email)`);
  },

  async find(db: Queryable, orgId: string, userId: string): Promise<MemberRow | undefined> {
    return (await this.list(db, orgId)).find((m) => m.user_id === userId);
  },

  async adminCount(db: Queryable, orgId: string): Promise<number> {
    const rows = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM memberships WHERE org_id = ${orgId} AND role = 'admin'`,
    );
    return rows[0]?.n ?? 0;
  },

  async remove(db: Queryable, orgId: string, userId: string) {
    await db.query(sql`DELETE FROM memberships WHERE org_id = ${orgId} AND user_id = ${userId}`);
  },

  async insertInvitation(
    db: Queryable,
    i: { tokenHash: string; userId: string; orgId: string; invitedBy: string | null; expiresAt: Date },
  ) {
    await db.query(sql`INSERT INTO invitations (token_hash, user_id, org_id, invited_by, expires_at)
      VALUES (${i.tokenHash}, ${i.userId}, ${i.orgId}, ${i.invitedBy}, ${i.expiresAt.toISOString()})`);
  },

  /** Marks a live invitation used and returns whom it was for; undefined if unknown, used or expired. */
  async acceptInvitation(
    db: Queryable,
    tokenHash: string,
  ): Promise<{ user_id: string; email: string } | undefined> {
    const rows = await db.query<{
      user_id: string;
      email: string;
    }>(sql`UPDATE invitations i SET accepted_at = now()
      FROM users u WHERE i.token_hash = ${tokenHash} AND i.accepted_at IS NULL AND i.expires_at > now() AND u.id = i.user_id
      RETURNING i.user_id, u.email`);
    return rows[0];
  },
};
