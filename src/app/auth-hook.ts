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
      return;
    }
    const session = request.cookies?.[SESSION_COOKIE];
    if (session) {
      const viewer = await authService.viewerFromSession(ctx.db, session);
      // An expired cookie is not an error: the visitor is simply anonymous again.
      if (viewer) request.viewer = viewer;
    }
  });
}
