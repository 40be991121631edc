// Builds the HTTP server: JSON API under /api/v1 with its OpenAPI document, the interactive API
// page at /api/docs, and the built web app at /.
import fs from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { WEB_DIST_DIR } from '../paths.ts';
import type { AppContext } from '../server/context.ts';
import { installErrorHandler } from '../server/error-handler.ts';
import { installInputGuard } from '../server/input-guard.ts';
import { installOriginCheck } from '../server/origin-check.ts';
import { installQueryGuard } from '../server/query-guard.ts';
import { installStrictInput } from '../server/strict-input.ts';
import { installAuth } from './auth-hook.ts';
import { createLogger, RequestLog } from './logging.ts';
import { installReadAudit } from './read-audit-hook.ts';
import { mountedRoutes } from './routes.ts';

/**
 * Headers for every answer: a Content-Security-Policy the built web app passes (its scripts and
 * styles are files of its own; charts draw on canvas, the map ships with it), no framing, no MIME
 * sniffing, referrers to this server only (its writes check them, origin-check.ts), and HSTS
 * behind a TLS proxy (TACIT_TRUST_PROXY), where plain HTTP is never what a client meant.
 */
function securityHeaders(behindTls: boolean) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(behindTls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'same-origin' as const },
    hsts: behindTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: createLogger(ctx.config),
    logController: new RequestLog(),
    bodyLimit: 1024 * 1024,
    // Collections are /api/v1/projects; a trailing slash reaches the same route.
    routerOptions: { ignoreTrailingSlash: true },
    // Behind a TLS-terminating proxy: the client's address and protocol come from X-Forwarded-*.
    trustProxy: ctx.config.trustProxy,
    // A path Fastify's router refuses before any route (a parameter over 100 characters, a bad
    // percent-encoding) is answered in the one error shape too.
    frameworkErrors: (err, _req, routerReply) => {
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
      // Typed for a route's schema, of which the router has none yet.
      const reply = routerReply as unknown as FastifyReply;
      reply.status(tooLong ? 414 : 400).send({
        error: {
          code: tooLong ? 'path_too_long' : 'bad_path',
          message: tooLong
            ? 'A part of the address is longer than any identifier Tacit uses (100 characters); check the link.'
            : 'The address is not valid (a bad percent-encoding); check the link.',
          details: null,
        },
      });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installStrictInput(app);
  const webApp = fs.existsSync(WEB_DIST_DIR);
  installErrorHandler(app, webApp);

  await app.register(helmet, securityHeaders(ctx.config.trustProxy));
  await app.register(cookie);
  // Limits are set per route (sign-in: auth.routes.ts), not on every request.
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 20, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tacit API',
        version: '1',
        description:
          'Registry and knowledge base of technical assistance in crime prevention and criminal justice. ' +
          'Authenticate with a session cookie (POST /api/v1/auth/login) or "Authorization: Bearer <token>". ' +
          'Errors: { "error": { "code", "message", "details" } }.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The interactive page has inline scripts of its own, allowed by their hashes only, and inline
    // styles that Swagger UI writes as it draws (no hash can name them); the web app has neither.
    transformStaticCSP: (header) =>
      header
        .replace("script-src 'self'", `script-src 'self' ${app.swaggerCSP.script.join(' ')}`)
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/v1/health', { schema: { hide: true } }, async () => ({
    status: 'ok',
    engine: ctx.db.engine,
  }));

  installOriginCheck(app);
  installAuth(app, ctx);
  installInputGuard(app);
  installQueryGuard(app);
  installReadAudit(app, ctx);
  for (const { prefix, plugin } of mountedRoutes(ctx)) await app.register(plugin, { prefix });

  if (webApp) await app.register(fastifyStatic, { root: WEB_DIST_DIR, wildcard: false });
  return app;
}
