// SQL for users, memberships, sessions and API tokens.
import type { Role } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  password_hash: string | null;
}

export interface ViewerRow {
  user_id: string;
  email: string;
  memberships: { org_id: string; role: Role }[];
  scope: 'read' | 'write';
}

const membershipsOf = sql`COALESCE((SELECT json_agg(json_build_object('org_id', m.org_id, 'role', m.role))
  FROM memberships m WHERE m.user_id = u.id), '[]'::json) AS memberships`;

export const authRepository = {
  async findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
    const rows = await db.query<UserRow>(
      sql`SELECT id, email, name, password_hash FROM users WHERE lower(email) = lower(${email})`,
    );
    return rows[0];
  },

  async insertUser(db: Queryable, user: { email: string; name: string | null; passwordHash: string | null }) {
    const rows = await db.query<UserRow>(sql`INSERT INTO users (email, name, password_hash)
      VALUES (${user.email}, ${user.name}, ${user.passwordHash}) RETURNING id, email, name, password_hash`);
    return rows[0]!;
  },

  async setPassword(db: Queryable, userId: string, passwordHash: string) {
    await db.query(sql`UPDATE users SET password_hash = ${passwordHash} WHERE id = ${userId}`);
  },

  async upsertMembership(db: Queryable, userId: string, orgId: string, role: Role) {
    await db.query(sql`INSERT INTO memberships (user_id, org_id, role) VALUES (${userId}, ${orgId}, ${role})
      ON CONFLICT (user_id, org_id) DO UPDATE SET role = EXCLUDED.role`);
  },

  async insertSession(db: Queryable, tokenHash: string, userId: string, expiresAt: Date) {
    await db.query(sql`INSERT INTO sessions (token_hash, user_id, expires_at)
      VALUES (${tokenHash}, ${userId}, ${expiresAt.toISOString()})`);
  },

  async deleteSession(db: Queryable, tokenHash: string) {
    await db.query(sql`DELETE FROM sessions WHERE token_hash = ${tokenHash}`);
  },

  async insertToken(
    db: Queryable,
    t: {
      userId: string;
      tokenHash: string;
      scope: 'read' | 'write';
      name: string | null;
      expiresAt: Date | null;
    },
  ) {
    const rows = await db.query<{
      id: string;
    }>(sql`INSERT INTO api_tokens (user_id, token_hash, scope, name, expires_at)
      VALUES (${t.userId}, ${t.tokenHash}, ${t.scope}, ${t.name}, ${t.expiresAt?.toISOString() ?? null}) RETURNING id`);
    return rows[0]!.id;
  },

  /** The viewer behind a live session, in one round trip. */
  async viewerBySession(db: Queryable, tokenHash: string): Promise<ViewerRow | undefined> {
    const rows =
      await db.query<ViewerRow>(sql`SELECT u.id AS user_id, u.email, ${membershipsOf}, 'write' AS scope
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ${tokenHash} AND s.expires_at > now()`);
    return rows[0];
  },

  /** The viewer behind a live API token (not revoked, not expired at `now`), and whether its last use is worth noting again. */
  async viewerByToken(
    db: Queryable,
    tokenHash: string,
    now: Date,
  ): Promise<(ViewerRow & { use_stale: boolean }) | undefined> {
    const rows = await db.query<
      ViewerRow & { use_stale: boolean }
    >(sql`SELECT u.id AS user_id, u.email, ${membershipsOf},
        t.scope, (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS use_stale
      FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = ${tokenHash} AND t.revoked_at IS NULL
        AND (t.expires_at IS NULL OR t.expires_at > ${now.toISOString()}::timestamptz)`);
    return rows[0];
  },
};

export interface TokenRow {
  id: string;
  name: string | null;
  scope: 'read' | 'write';
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export const tokensRepository = {
  async listForUser(db: Queryable, userId: string): Promise<TokenRow[]> {
    return db.query<TokenRow>(sql`SELECT id, name, scope, created_at, expires_at, last_used_at, revoked_at FROM api_tokens
      WHERE user_id = ${userId} ORDER BY created_at DESC`);
  },

  /** Revokes one of the user's own tokens; false if it is not theirs or already revoked. */
  async revoke(db: Queryable, userId: string, id: string): Promise<boolean> {
    const rows = await db.query(sql`UPDATE api_tokens SET revoked_at = now()
      WHERE id = ${id} AND user_id = ${userId} AND revoked_at IS NULL RETURNING id`);
    return rows.length > 0;
  },

  /** Notes use at most once a minute, so reading with a token does not become a write per request. */
  async touch(db: Queryable, tokenHash: string) {
    await db.query(sql`UPDATE api_tokens SET last_used_at = now()
      WHERE token_hash = ${tokenHash} AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`);
  },
};
