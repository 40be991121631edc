// Builds the HTTP server: JSON API under /api/v1 with its OpenAPI document, the interactive API
// page at /api/docs, and the built web app at /.
import fs from 'node:fs';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { WEB_DIST_DIR } from '../paths.ts';
import { installAuth } from './auth-hook.ts';
import type { AppContext } from './context.ts';
import { installErrorHandler } from './error-handler.ts';
import { installOriginCheck } from './origin-check.ts';
import { mountedRoutes } from './routes.ts';

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: ctx.config.logLevel },
    bodyLimit: 1024 * 1024,
    // Collections are /api/v1/projects; a trailing slash reaches the same route.
    routerOptions: { ignoreTrailingSlash: true },
    // Behind a TLS-terminating proxy: the client's address and protocol come from X-Forwarded-*.
    trustProxy: ctx.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webApp = fs.existsSync(WEB_DIST_DIR);
  installErrorHandler(app, webApp);

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
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/v1/health', { schema: { hide: true } }, async () => ({
    status: 'ok',
    engine: ctx.db.engine,
  }));

  installOriginCheck(app);
  installAuth(app, ctx);
  for (const { prefix, plugin } of mountedRoutes(ctx)) await app.register(plugin, { prefix });

  if (webApp) await app.register(fastifyStatic, { root: WEB_DIST_DIR, wildcard: false });
  return app;
}
