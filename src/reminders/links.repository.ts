// SQL of signed action links: the shared signing key, the links issued, and the one key action a
// link changes (read as the responsible organisation sees it, through the one access filter).
import { randomBytes } from 'node:crypto';
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import type { KeyAction } from '../recommendations/follow-up.repository.ts';

export interface LinkRow {
  id: string;
  recommendation_id: string;
  action_index: number;
  org_id: string;
  user_id: string | null;
  expires_at: string;
  used_at: string | null;
}

export type { KeyAction };

export const linksRepository = {
  /** The secret every server signs links with, made by whichever server needs it first. */
  async signingSecret(db: Queryable): Promise<string> {
    await db.query(sql`INSERT INTO signing_keys (name, secret) VALUES ('action_links', ${randomBytes(32).toString('base64url')})
      ON CONFLICT (name) DO NOTHING`);
    const rows = await db.query<{ secret: string }>(
      sql`SELECT secret FROM signing_keys WHERE name = 'action_links'`,
    );
    return rows[0]!.secret;
  },

  async insert(db: Queryable, link: Omit<LinkRow, 'used_at'> & { created_at: string }) {
    await db.query(sql`INSERT INTO action_links (id, recommendation_id, action_index, org_id, user_id, expires_at, created_at)
      VALUES (${link.id}, ${link.recommendation_id}, ${link.action_index}, ${link.org_id}, ${link.user_id},
        ${link.expires_at}::timestamptz, ${link.created_at}::timestamptz)`);
  },

  async find(db: Queryable, id: string): Promise<LinkRow | undefined> {
    const rows = await db.query<LinkRow>(sql`SELECT id, recommendation_id, action_index, org_id, user_id,
        expires_at::text AS expires_at, used_at::text AS used_at FROM action_links WHERE id = ${id}`);
    return rows[0];
  },

  /** Marks the link used; false when another request used it first. */
  async markUsed(db: Queryable, id: string, at: Date): Promise<boolean> {
    const rows = await db.query(sql`UPDATE action_links SET used_at = ${at.toISOString()}::timestamptz
      WHERE id = ${id} AND used_at IS NULL RETURNING id`);
    return rows.length > 0;
  },

  /** The recommendation's text and key actions, locked for the change when `forUpdate`. */
  async recommendation(db: Queryable, org: Viewer, id: string, forUpdate: boolean) {
    const lock = forUpdate ? sql` FOR UPDATE` : sql.empty;
    const rows = await db.query<{ id: string; text: string; owner_org_id: string; key_actions: KeyAction[] }>(
      sql`SELECT r.id, r.text, r.owner_org_id, r.key_actions FROM recommendations r
        WHERE r.id = ${id} AND ${visibleTo(org, 'r')}${lock}`,
    );
    return rows[0];
  },

  async saveKeyActions(db: Queryable, id: string, keyActions: KeyAction[]) {
    await db.query(sql`UPDATE recommendations SET key_actions = ${JSON.stringify(keyActions)}::jsonb,
      version = version + 1, updated_at = now() WHERE id = ${id}`);
  },
};
