// Passwords (argon2id), browser sessions and API tokens. Secrets are random 32-byte strings shown
// once; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { Role, Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { errors } from '../server/errors.ts';
import { authRepository, tokensRepository, type ViewerRow } from './auth.repository.ts';

export const TOKEN_PREFIX = 'tacit_';
/** The cookie a browser session's secret travels in. */
export const SESSION_COOKIE = 'tacit_session';
const MIN_PASSWORD_LENGTH = 10;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

function toViewer(row: ViewerRow): Viewer {
  return {
    userId: row.user_id,
    email: row.email,
    memberships: new Map(row.memberships.map((m) => [m.org_id, m.role])),
    scope: row.scope,
  };
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw errors.invalidField('password', `must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
}

export const authService = {
  async createUser(db: Queryable, input: { email: string; name?: string | null; password?: string | null }) {
    const email = input.email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      throw errors.invalidField('email', 'is not an e-mail address');
    if (input.password != null) checkPassword(input.password);
    if (await authRepository.findUserByEmail(db, email)) {
      throw errors.conflict('duplicate', `A user with the e-mail ${email} already exists.`, {
        field: 'email',
      });
    }
    const passwordHash = input.password ? await argon2.hash(input.password) : null;
    return authRepository.insertUser(db, { email, name: input.name ?? null, passwordHash });
  },

  async setPassword(db: Queryable, userId: string, password: string) {
    checkPassword(password);
    await authRepository.setPassword(db, userId, await argon2.hash(password));
  },

  async addMembership(db: Queryable, userId: string, orgId: string, role: Role) {
    await authRepository.upsertMembership(db, userId, orgId, role);
  },

  /** Returns the session secret to put in the cookie, or throws 401 without saying which part was wrong. */
  async login(
    db: Queryable,
    email: string,
    password: string,
    days: number,
  ): Promise<{ secret: string; userId: string }> {
    const user = await authRepository.findUserByEmail(db, email);
    const ok = user?.password_hash ? await argon2.verify(user.password_hash, password) : false;
    if (!user || !ok) throw errors.unauthorized('The e-mail or password is not right.');
    const secret = newSecret();
    await authRepository.insertSession(
      db,
      hashSecret(secret),
      user.id,
      new Date(Date.now() + days * 86_400_000),
    );
    return { secret, userId: user.id };
  },

  async logout(db: Queryable, secret: string) {
    await authRepository.deleteSession(db, hashSecret(secret));
  },

  async createToken(db: Queryable, email: string, scope: 'read' | 'write', name: string | null = null) {
    const user = await authRepository.findUserByEmail(db, email);
    if (!user) throw errors.notFound('user', email);
    const secret = newSecret();
    const id = await authRepository.insertToken(db, {
      userId: user.id,
      tokenHash: hashSecret(secret),
      scope,
      name,
    });
    return { id, secret, scope };
  },

  async viewerFromSession(db: Queryable, secret: string): Promise<Viewer | undefined> {
    const row = await authRepository.viewerBySession(db, hashSecret(secret));
    return row && toViewer(row);
  },

  async viewerFromToken(db: Queryable, secret: string): Promise<Viewer | undefined> {
    const tokenHash = hashSecret(secret);
    const row = await authRepository.viewerByToken(db, tokenHash);
    // Last use is a courtesy for the token list: never make the request wait for it or fail on it.
    // Written at most once a minute, so reading with a token is not a write per request.
    if (row?.use_stale) tokensRepository.touch(db, tokenHash).catch(() => {});
    return row && toViewer(row);
  },
};
