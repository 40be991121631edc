// Works out who is asking, once per request: a bearer API token (scripts) or the session cookie
// (browser). Anonymous requests carry ANONYMOUS and see public records only.
import type { FastifyInstance } from 'fastify';
import { ANONYMOUS, type Viewer } from '../access/viewer.ts';
import { authService, SESSION_COOKIE } from '../auth/auth.service.ts';
import { systemClock } from '../reminders/clock.ts';
import type { AppContext } from '../server/context.ts';
import { errors } from '../server/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
  }
}

/** The header naming the one organisation a member of several acts for in this request. */
export const ACTING_FOR_HEADER = 'x-tacit-organisation';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A user in several organisations acts for one at a time when the request names it: they then
 * see and write as a member of that organisation only (its owner-only records, not the others').
 */
function actingFor(viewer: Viewer, header: string | string[] | undefined): Viewer {
  if (header === undefined) return viewer;
  const orgId = Array.isArray(header) ? header[0]! : header.trim();
  if (Array.isArray(header) && header.length > 1)
    throw errors.invalidField(
      'headers.x-tacit-organisation',
      'is given more than once; send one organisation id',
    );
  if (!UUID.test(orgId))
    throw errors.invalidField(
      'headers.x-tacit-organisation',
      'must be the id (a UUID) of one of your organisations',
    );
  const role = viewer.memberships.get(orgId);
  if (!role)
    throw errors.forbidden(
      `You are not a member of the organisation ${orgId} named in X-Tacit-Organisation; name one of yours (GET /api/v1/auth/me lists them) or leave the header out.`,
    );
  return { ...viewer, memberships: new Map([[orgId, role]]) };
}

export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('viewer', null as unknown as Viewer);
  app.addHook('onRequest', async (request) => {
    request.viewer = ANONYMOUS;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw errors.unauthorized('The Authorization header must be "Bearer <token>".');
      const viewer = await authService.viewerFromToken(ctx.db, match[1]!, (ctx.clock ?? systemClock).now());
      if (!viewer)
        throw errors.unauthorized(
          'This API token is unknown, revoked or expired. Create a new one with `tacit token create`.',
        );
      request.viewer = viewer;
    } else {
      const session = request.cookies?.[SESSION_COOKIE];
      if (session) {
        const viewer = await authService.viewerFromSession(ctx.db, session);
        // An expired cookie is not an error: the visitor is simply anonymous again.
        if (viewer) request.viewer = viewer;
      }
    }
    request.viewer = actingFor(request.viewer, request.headers[ACTING_FOR_HEADER]);
  });
}
