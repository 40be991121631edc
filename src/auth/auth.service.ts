// Passwords (argon2id), browser sessions and API tokens. Secrets are random 32-byte strings shown
// once; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { Role, Viewer } from '../access/viewer.ts';
import { auditService } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { AppError, errors } from '../server/errors.ts';
import { authRepository, tokensRepository, type ViewerRow } from './auth.repository.ts';
import { type LockPolicy, loginFailuresRepository } from './login-failures.repository.ts';

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

/** Ten failed sign-ins within 15 minutes lock the account for 15 minutes, even to the right password. */
export const LOGIN_LOCK: LockPolicy = { maxFailures: 10, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };

// An unknown e-mail (or a user without a password) is verified against this hash, made with the
// same parameters as real ones, so that it takes as long to refuse as a wrong password does and
// the time of an answer does not tell which addresses have accounts.
let dummyHash: Promise<string> | undefined;
const dummyPasswordHash = () => {
  dummyHash ??= argon2.hash(randomBytes(16).toString('hex'));
  return dummyHash;
};

function accountLocked(until: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    429,
    'account_locked',
    `Too many failed sign-ins for this account. It is locked until ${until.toISOString()} ` +
      `(about ${minutes} minute${minutes === 1 ? '' : 's'}); try again then, or ask an administrator to reset the password.`,
    { retry_after_seconds: seconds, locked_until: until.toISOString() },
  );
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
    client: { ip: string | null } = { ip: null },
  ): Promise<{ secret: string; userId: string }> {
    const account = email.trim().toLowerCase();
    const locked = await loginFailuresRepository.lockedUntil(db, account);
    if (locked) {
      await auditService.signIn(db, account, 'login_failed', { ...client, reason: 'locked' });
      throw accountLocked(locked);
    }
    const user = await authRepository.findUserByEmail(db, email);
    const hash = user?.password_hash ?? (await dummyPasswordHash());
    const ok = (await argon2.verify(hash, password)) && Boolean(user?.password_hash);
    if (!user || !ok) {
      const lockedNow = await loginFailuresRepository.recordFailure(db, account, LOGIN_LOCK);
      // Written for an unknown address too (it matches no row), so both answers take the same work.
      await auditService.signIn(db, account, lockedNow ? 'lockout' : 'login_failed', {
        ...client,
        reason: 'wrong_password',
      });
      if (lockedNow) throw accountLocked(lockedNow);
      throw errors.unauthorized('The e-mail or password is not right.');
    }
    await auditService.signIn(db, account, 'login', client);
    await loginFailuresRepository.clear(db, account);
    await loginFailuresRepository.sweep(db, LOGIN_LOCK);
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

  /** `expiresAt`: after it the token is refused like an unknown one; it must lie after `now`. */
  async createToken(
    db: Queryable,
    email: string,
    scope: 'read' | 'write',
    name: string | null = null,
    expiry: { expiresAt: Date; now: Date } | null = null,
  ) {
    if (expiry && expiry.expiresAt <= expiry.now)
      throw errors.invalidField('expires_at', 'is not in the future; give a later date and time, or none');
    const user = await authRepository.findUserByEmail(db, email);
    if (!user) throw errors.notFound('user', email);
    const secret = newSecret();
    const expiresAt = expiry?.expiresAt ?? null;
    const id = await authRepository.insertToken(db, {
      userId: user.id,
      tokenHash: hashSecret(secret),
      scope,
      name,
      expiresAt,
    });
    return { id, secret, scope, expires_at: expiresAt };
  },

  async viewerFromSession(db: Queryable, secret: string): Promise<Viewer | undefined> {
    const row = await authRepository.viewerBySession(db, hashSecret(secret));
    return row && toViewer(row);
  },

  async viewerFromToken(db: Queryable, secret: string, now: Date = new Date()): Promise<Viewer | undefined> {
    const tokenHash = hashSecret(secret);
    const row = await authRepository.viewerByToken(db, tokenHash, now);
    // Last use is a courtesy for the token list: never make the request wait for it or fail on it.
    // Written at most once a minute, so reading with a token is not a write per request.
    if (row?.use_stale) tokensRepository.touch(db, tokenHash).catch(() => {});
    return row && toViewer(row);
  },
};
