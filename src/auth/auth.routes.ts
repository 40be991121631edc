// Sign-in and sign-out for the browser (an HttpOnly, SameSite session cookie) and "who am I".
import { z } from 'zod';
import { orgIdsOf } from '../access/viewer.ts';
import type { RoutePlugin } from '../server/context.ts';
import { AppError, errors } from '../server/errors.ts';
import { ErrorResponse } from '../server/schemas.ts';
import { Me } from './auth.schema.ts';
import { authService, SESSION_COOKIE } from './auth.service.ts';

const tags = ['auth'];

const FIFTEEN_MINUTES = 15 * 60 * 1000;
// A first line in front of the lock-out (auth.service.ts), kept in each server's memory: sign-ins
// from one address (many accounts tried from one place), and for one account (one account tried
// from many). Both are above the lock-out's ten failures, so an attacker meets the lock first and
// a person who mistypes meets neither.
const PER_ADDRESS = 60;
const PER_ACCOUNT = 40;

const tooMany = (what: string) => (_req: unknown, context: { after: string; ttl: number }) =>
  new AppError(
    429,
    'too_many_requests',
    `Too many sign-in attempts ${what}. Try again in ${context.after}.`,
    { retry_after_seconds: Math.ceil(context.ttl / 1000) },
  );

/** The account a sign-in is for, as the lock-out keys it. */
const accountOf = (body: unknown) =>
  String((body as { email?: unknown } | undefined)?.email ?? '')
    .trim()
    .toLowerCase();

export const authRoutes: RoutePlugin = (ctx) => async (app) => {
  app.post('/login', {
    schema: {
      tags,
      summary: 'Sign in; sets the session cookie',
      body: z.object({ email: z.string().min(1), password: z.string().min(1) }),
      response: { 200: Me, 401: ErrorResponse, 429: ErrorResponse },
    },
    preHandler: [
      app.rateLimit({
        max: PER_ADDRESS,
        timeWindow: FIFTEEN_MINUTES,
        keyGenerator: (req) => `login-address:${req.ip}`,
        errorResponseBuilder: tooMany('from this address'),
      }),
      app.rateLimit({
        max: PER_ACCOUNT,
        timeWindow: FIFTEEN_MINUTES,
        keyGenerator: (req) => `login-account:${accountOf(req.body)}`,
        errorResponseBuilder: tooMany('for this account'),
      }),
    ],
    handler: async (req, reply) => {
      const { secret } = await authService
        .login(ctx.db, req.body.email, req.body.password, ctx.config.sessionDays, { ip: req.ip })
        .catch((err) => {
          const retry = (err as AppError).details as { retry_after_seconds?: number } | undefined;
          if (err instanceof AppError && retry?.retry_after_seconds)
            reply.header('retry-after', String(retry.retry_after_seconds));
          throw err;
        });
      const viewer = await authService.viewerFromSession(ctx.db, secret);
      if (!viewer) throw errors.unauthorized();
      reply.setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        // Behind a TLS proxy (TACIT_TRUST_PROXY) req.protocol is the client's, from X-Forwarded-Proto.
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
