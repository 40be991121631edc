// Sign-in and sign-out for the browser (an HttpOnly, SameSite session cookie) and "who am I".
import { z } from 'zod';
import { orgIdsOf } from '../access/viewer.ts';
import type { RoutePlugin } from '../server/context.ts';
import { errors } from '../server/errors.ts';
import { Me } from './auth.schema.ts';
import { authService, SESSION_COOKIE } from './auth.service.ts';

const tags = ['auth'];

export const authRoutes: RoutePlugin = (ctx) => async (app) => {
  app.post('/login', {
    schema: {
      tags,
      summary: 'Sign in; sets the session cookie',
      body: z.object({ email: z.string().min(1), password: z.string().min(1) }),
      response: { 200: Me },
    },
    handler: async (req, reply) => {
      const { secret } = await authService.login(
        ctx.db,
        req.body.email,
        req.body.password,
        ctx.config.sessionDays,
      );
      const viewer = await authService.viewerFromSession(ctx.db, secret);
      if (!viewer) throw errors.unauthorized();
      reply.setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: req.protocol === 'https',
        maxAge: ctx.config.sessionDays * 86_400,
      });
      return {
        user_id: viewer.userId,
        email: viewer.email,
        memberships: toList(viewer.memberships),
        scope: viewer.scope,
      };
    },
  });
  app.post('/logout', {
    schema: { tags, summary: 'Sign out; ends the session', response: { 204: z.null() } },
    handler: async (req, reply) => {
      const secret = req.cookies[SESSION_COOKIE];
      if (secret) await authService.logout(ctx.db, secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });
  app.get('/me', {
    schema: { tags, summary: 'Who the request is from (anonymous: user_id null)', response: { 200: Me } },
    handler: async (req) => ({
      user_id: req.viewer.userId,
      email: req.viewer.email,
      memberships: toList(req.viewer.memberships),
      scope: orgIdsOf(req.viewer).length ? req.viewer.scope : 'read',
    }),
  });
};

function toList(m: ReadonlyMap<string, 'admin' | 'editor' | 'viewer'>) {
  return [...m].map(([org_id, role]) => ({ org_id, role }));
}
