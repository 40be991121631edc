// Cross-site request forgery: a browser sends the session cookie with a form or fetch another site
// makes (SameSite=Lax still lets top-level form posts through). So every unsafe request carrying
// the session cookie must come from a page of this server: its Origin (or, when a browser sends
// none, its Referer) must be the server's own origin, as the client sees it (X-Forwarded-Proto and
// -Host behind a proxy trusted by TACIT_TRUST_PROXY). Requests with a bearer token are not affected:
// a browser never adds one by itself.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/auth.service.ts';
import { AppError } from './errors.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(value: string | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    return new URL(value).origin.toLowerCase();
  } catch {
    return null;
  }
}

/** The origin the request came from, by Origin first and Referer second; null when neither names one. */
const requestOrigin = (request: FastifyRequest) =>
  originOf(request.headers.origin) ?? originOf(request.headers.referer);

export function installOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE.has(request.method) || request.headers.authorization) return;
    if (!request.cookies?.[SESSION_COOKIE]) return;
    const own = `${request.protocol}://${request.host}`.toLowerCase();
    const from = requestOrigin(request);
    if (from === own) return;
    throw new AppError(
      403,
      'cross_site_request',
      from
        ? `This request came from ${from}, not from ${own}: changes with a session cookie are accepted only from Tacit's own pages. Use the web app, or send an API token as "Authorization: Bearer <token>".`
        : `This request says neither where it came from (Origin) nor which page sent it (Referer): changes with a session cookie need one of them. Use the web app, or send an API token as "Authorization: Bearer <token>".`,
      { origin: from, expected: own },
    );
  });
}
