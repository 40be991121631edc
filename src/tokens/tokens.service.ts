// Rules for a signed-in user's own API tokens: only the user sees, creates and revokes them, a
// read-only session cannot create or revoke one, and an expiry is checked against the server's clock.

import type { z } from 'zod';
import { assertCanWrite } from '../access/permissions.ts';
import type { Viewer } from '../access/viewer.ts';
import { tokensRepository } from '../auth/auth.repository.ts';
import { authService } from '../auth/auth.service.ts';
import type { Queryable } from '../db/client.ts';
import type { Clock } from '../reminders/clock.ts';
import { errors } from '../server/errors.ts';
import type { TokenCreate } from './tokens.schema.ts';

function signedInUser(viewer: Viewer): string {
  if (!viewer.userId) throw errors.unauthorized();
  return viewer.userId;
}

export const tokensService = {
  list: (db: Queryable, viewer: Viewer) => tokensRepository.listForUser(db, signedInUser(viewer)),

  /** A new token; its secret is in this answer only. */
  create(db: Queryable, viewer: Viewer, body: z.infer<typeof TokenCreate>, clock: Clock) {
    assertCanWrite(viewer);
    if (!viewer.email || !viewer.userId) throw errors.unauthorized();
    const { scope, name, expires_at } = body;
    const expiry = expires_at ? { expiresAt: new Date(expires_at), now: clock.now() } : null;
    return authService.createToken(db, viewer.email, scope, name, expiry);
  },

  /** Revokes one of the viewer's tokens; another user's, like none, is not found. */
  async revoke(db: Queryable, viewer: Viewer, id: string) {
    assertCanWrite(viewer);
    if (!viewer.userId || !(await tokensRepository.revoke(db, viewer.userId, id)))
      throw errors.notFound('token', id);
  },
};
