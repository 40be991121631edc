// Network administrators look after what all organisations share: the organisation directory and
// the IATI publisher refs verified for each organisation. The role is a flag on the user (migration
// 070), set by the operator with `tacit user network-admin`; it is read when such a write asks for
// it, so the viewer loaded for every request stays as it is.
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { accessDenied } from './errors.ts';
import { assertCanWrite } from './permissions.ts';
import type { Viewer } from './viewer.ts';

export async function isNetworkAdmin(db: Queryable, viewer: Viewer): Promise<boolean> {
  if (!viewer.userId || viewer.scope !== 'write') return false;
  const rows = await db.query<{ network_admin: boolean }>(
    sql`SELECT network_admin FROM users WHERE id = ${viewer.userId}`,
  );
  return rows[0]?.network_admin === true;
}

/** Grants or revokes the role; false when no user has this e-mail address. */
export async function setNetworkAdmin(db: Queryable, email: string, on: boolean): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    sql`UPDATE users SET network_admin = ${on} WHERE lower(email) = lower(${email.trim()}) RETURNING id`,
  );
  return rows.length > 0;
}

/** Refuses a write reserved to network administrators (the directory, publisher refs, instruments). */
export async function assertNetworkAdmin(db: Queryable, viewer: Viewer, what: string): Promise<void> {
  assertCanWrite(viewer);
  if (!(await isNetworkAdmin(db, viewer)))
    throw accessDenied.forbidden(`Only network administrators may ${what}.`);
}
