import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import { MAX_UPLOAD_BYTES } from '@plume/core/media/save-media';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './app-context.ts';
import { registerAuthRoutes } from './plugins/auth-routes.ts';
import { registerPrincipalDecorator } from './plugins/authenticate.ts';
import { registerErrorHandler, sendProblem } from './plugins/error-handler.ts';
import { registerMetrics } from './plugins/metrics.ts';
import { registerNulCharacterGuard } from './plugins/reject-nul-characters.ts';
import { registerApiDocs } from './plugins/api-docs.ts';
import { installPlainValidationMessages } from './lib/plain-validation-messages.ts';
import { SnapshotLocalStore } from './lib/rate-limit-store.ts';
import { SessionCache } from './lib/session-cache.ts';
import { apiKeyRoutes } from './routes/api-keys/api-keys.routes.ts';
import { auditLogRoutes } from './routes/audit-log/audit-log.routes.ts';
import { outboxRoutes } from './routes/admin/outbox.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { invitationRoutes } from './routes/invitations/invitations.routes.ts';
import { meRoutes } from './routes/me/me.routes.ts';
import { memberRoutes } from './routes/members/members.routes.ts';
import { workspaceRoutes } from './routes/workspaces/workspaces.routes.ts';
import { accountRoutes } from './routes/accounts/accounts.routes.ts';
import { mediaRoutes } from './routes/media/media.routes.ts';
import { networkRoutes } from './routes/networks/networks.routes.ts';
import { postRoutes } from './routes/posts/posts.routes.ts';
import { postImportRoutes } from './routes/posts/import-posts.routes.ts';
import { postingSlotRoutes } from './routes/posting-slots/posting-slots.routes.ts';
import { contentRoutes } from './routes/content/content.routes.ts';
import { llmRoutes } from './routes/llm/llm.routes.ts';
import { ollamaRoutes } from './routes/ollama/ollama.routes.ts';

const requestIdPattern = /^[\w\-.:]{1,128}$/;

/** Every resource's routes, in one list: adding a resource is one line here. */
export const routeModules = [
  healthRoutes,
  meRoutes,
  workspaceRoutes,
  memberRoutes,
  invitationRoutes,
  apiKeyRoutes,
  auditLogRoutes,
  outboxRoutes,
  networkRoutes,
  accountRoutes,
  postRoutes,
  postingSlotRoutes,
  postImportRoutes,
  mediaRoutes,
  contentRoutes,
  llmRoutes,
  ollamaRoutes,
];

/** Builds the HTTP app. No listening here: tests call `inject`, the CLI calls `listen`. */
export async function buildApp(givenContext: AppContext, options: { logger?: FastifyBaseLogger } = {}): Promise<FastifyInstance> {
  installPlainValidationMessages();
  const context: AppContext = { ...givenContext, sessionCache: givenContext.sessionCache ?? new SessionCache() };
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    trustProxy: context.config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : `req-${randomUUID()}`;
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  registerErrorHandler(app);
  registerNulCharacterGuard(app);
  registerPrincipalDecorator(app);

  // Default CSP, minus upgrade-insecure-requests: self-hosters often reach Plume over plain HTTP on a LAN.
  // `blob:` images and media: the composer shows a file the person picked before it is uploaded.
  await app.register(fastifyHelmet, {
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null, imgSrc: ["'self'", 'data:', 'blob:'], mediaSrc: ["'self'", 'blob:'] } },
  });
  await app.register(fastifyRateLimit, {
    global: true,
    store: SnapshotLocalStore,
    max: 600,
    timeWindow: '1 minute',
    errorResponseBuilder: (request, limit) => {
      const error = new Error(`Rate limit exceeded: retry in ${Math.ceil(limit.ttl / 1000)} s`) as Error & { statusCode: number; code: string };
      error.statusCode = 429;
      error.code = 'FST_ERR_RATE_LIMIT_EXCEEDED';
      void request;
      return error;
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Plume API', version: '1.0.0', description: 'Plume: self-hostable, AI-native social media autopilot. Errors are RFC 9457 problem+json with stable `code`s.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A session token (from sign-in) or a workspace API key (plume_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await registerMetrics(app, context);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });

  await app.register(async (api) => {
    await registerAuthRoutes(api, context);
    for (const routes of routeModules) await routes(api, context);
    registerApiDocs(api);
  });

  await serveWebApp(app, context.webDistDir);
  return app;
}

/** The built React app at `/`, with client-side routes falling back to index.html. */
async function serveWebApp(app: FastifyInstance, distDir: string | undefined): Promise<void> {
  const hasWebApp = Boolean(distDir && existsSync(path.join(distDir, 'index.html')));
  if (hasWebApp) await app.register(fastifyStatic, { root: distDir as string, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/metrics';
    if (!hasWebApp || isApi || request.method !== 'GET') {
      return sendProblem(request, reply, 'not_found', { detail: `No route ${request.method} ${request.url.split('?')[0]}` });
    }
    return reply.sendFile('index.html');
  });
}
