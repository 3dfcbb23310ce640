import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { MAX_UPLOAD_BYTES } from '@plume/core/media/save-media';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './app-context.ts';
import { registerAuthRoutes } from './plugins/auth-routes.ts';
import { registerPrincipalDecorator } from './plugins/authenticate.ts';
import { registerErrorHandler, sendProblem } from './plugins/error-handler.ts';
import { registerMetrics } from './plugins/metrics.ts';
import { registerNulCharacterGuard } from './plugins/reject-nul-characters.ts';
import { registerApiDocs } from './plugins/api-docs.ts';
import { registerOriginCheck } from './plugins/check-origin.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { swaggerOptions } from './plugins/openapi/swagger-options.ts';
import { installPlainValidationMessages } from './lib/plain-validation-messages.ts';
import { SnapshotLocalStore } from './lib/rate-limit-store.ts';
import { SessionCache } from './lib/session-cache.ts';
import { createResponseSerializerCompiler } from './lib/response-serializer.ts';
import { apiKeyRoutes } from './routes/api-keys/api-keys.routes.ts';
import { analyticsRoutes } from './routes/analytics/analytics.routes.ts';
import { competitorRoutes } from './routes/competitors/competitors.routes.ts';
import { industryTemplateRoutes } from './routes/strategy/industry-templates.routes.ts';
import { strategyRoutes } from './routes/strategy/strategy.routes.ts';
import { autopilotRoutes } from './routes/strategy/autopilot.routes.ts';
import { auditLogRoutes } from './routes/audit-log/audit-log.routes.ts';
import { outboxRoutes } from './routes/admin/outbox.routes.ts';
import { instancePublishingRoutes } from './routes/instance/instance-publishing.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { invitationRoutes } from './routes/invitations/invitations.routes.ts';
import { meRoutes } from './routes/me/me.routes.ts';
import { memberRoutes } from './routes/members/members.routes.ts';
import { workspaceRoutes } from './routes/workspaces/workspaces.routes.ts';
import { accountRoutes } from './routes/accounts/accounts.routes.ts';
import { accountBackfillRoutes } from './routes/accounts/account-backfill.routes.ts';
import { accountHistoryImportRoutes } from './routes/accounts/account-history-import.routes.ts';
import { mediaRoutes } from './routes/media/media.routes.ts';
import { generationRoutes } from './routes/media-studio/generations.routes.ts';
import { characterRoutes } from './routes/media-studio/characters.routes.ts';
import { characterPartRoutes } from './routes/media-studio/character-parts.routes.ts';
import { mediaCollectionRoutes } from './routes/media/media-collections.routes.ts';
import { vaultRoutes } from './routes/media/vault.routes.ts';
import { brandKitRoutes } from './routes/media-templates/brand-kit.routes.ts';
import { mediaTemplateRoutes } from './routes/media-templates/media-templates.routes.ts';
import { altTextRoutes } from './routes/media-studio/alt-text.routes.ts';
import { slideshowRoutes } from './routes/media-slideshows/slideshows.routes.ts';
import { networkRoutes } from './routes/networks/networks.routes.ts';
import { postRoutes } from './routes/posts/posts.routes.ts';
import { postImportRoutes } from './routes/posts/import-posts.routes.ts';
import { resolveUnconfirmedRoutes } from './routes/posts/resolve-unconfirmed.routes.ts';
import { deleteTargetRoutes } from './routes/posts/delete-target.routes.ts';
import { postingSlotRoutes } from './routes/posting-slots/posting-slots.routes.ts';
import { insightRoutes } from './routes/insights/insights.routes.ts';
import { contentRoutes } from './routes/content/content.routes.ts';
import { planBriefRoutes } from './routes/plans/plan-briefs.routes.ts';
import { emergencyReplaceRoutes } from './routes/posts/emergency-replace.routes.ts';
import { planRoutes } from './routes/plans/plans.routes.ts';
import { abTestRoutes } from './routes/plans/ab-tests.routes.ts';
import { llmRoutes } from './routes/llm/llm.routes.ts';
import { mediaProviderRoutes } from './routes/media-providers/media-providers.routes.ts';
import { agentRunRoutes } from './routes/agents/agent-runs.routes.ts';
import { agentRunApplyRoutes } from './routes/agents/apply-run.routes.ts';
import { ollamaRoutes } from './routes/ollama/ollama.routes.ts';
import { notificationRoutes } from './routes/notifications/notifications.routes.ts';
import { inboxRoutes } from './routes/inbox/inbox.routes.ts';
import { weeklyReportRoutes } from './routes/reports/weekly-reports.routes.ts';
import { webhookRoutes } from './routes/webhooks/webhooks.routes.ts';
import { inboxModerationRoutes } from './routes/inbox-replies/inbox-moderation.routes.ts';
import { inboxReplyRoutes } from './routes/inbox-replies/inbox-replies.routes.ts';
import { webhookDeliveryRoutes } from './routes/webhooks/webhook-deliveries.routes.ts';
import { inboxHookRoutes } from './routes/inbox-hooks/inbox-hooks.routes.ts';
import { automationRoutes } from './routes/automation/automation.routes.ts';

const requestIdPattern = /^[\w\-.:]{1,128}$/;

/** Every resource's routes, in one list: adding a resource is one line here. */
export const routeModules = [
  healthRoutes,
  meRoutes,
  workspaceRoutes,
  memberRoutes,
  invitationRoutes,
  apiKeyRoutes,
  webhookRoutes,
  webhookDeliveryRoutes,
  automationRoutes,
  auditLogRoutes,
  outboxRoutes,
  instancePublishingRoutes,
  networkRoutes,
  accountRoutes,
  accountBackfillRoutes,
  accountHistoryImportRoutes,
  postRoutes,
  deleteTargetRoutes,
  postingSlotRoutes,
  insightRoutes,
  postImportRoutes,
  resolveUnconfirmedRoutes,
  mediaRoutes,
  generationRoutes,
  characterRoutes,
  characterPartRoutes,
  vaultRoutes,
  mediaCollectionRoutes,
  altTextRoutes,
  slideshowRoutes,
  contentRoutes,
  llmRoutes,
  mediaProviderRoutes,
  ollamaRoutes,
  notificationRoutes,
  weeklyReportRoutes,
  analyticsRoutes,
  competitorRoutes,
  agentRunRoutes,
  agentRunApplyRoutes,
  industryTemplateRoutes,
  strategyRoutes,
  autopilotRoutes,
  planRoutes,
  planBriefRoutes,
  abTestRoutes,
  emergencyReplaceRoutes,
  inboxRoutes,
  inboxHookRoutes,
  inboxReplyRoutes,
  inboxModerationRoutes,
  brandKitRoutes,
  mediaTemplateRoutes,
];

/** Builds the HTTP app. No listening here: tests call `inject`, the CLI calls `listen`. */
export async function buildApp(
  givenContext: AppContext,
  options: { logger?: FastifyBaseLogger } = {},
): Promise<FastifyInstance> {
  installPlainValidationMessages();
  const context: AppContext = { ...givenContext, sessionCache: givenContext.sessionCache ?? new SessionCache() };
  const webAppRoutes = new Set<string>();
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
  // Tests write every answer through zod too and compare: see lib/response-serializer.ts.
  app.setSerializerCompiler(createResponseSerializerCompiler({ compareWithZod: context.config.NODE_ENV === 'test' }));
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  registerErrorHandler(app);
  registerOriginCheck(app, context.config);
  registerNulCharacterGuard(app);
  registerPrincipalDecorator(app);

  registerSecurityHeaders(app);
  await app.register(fastifyRateLimit, {
    global: true,
    store: SnapshotLocalStore,
    max: 600,
    timeWindow: '1 minute',
    // The web app's files share no budget with the API: a burst of API calls must not leave a page
    // without its stylesheet. Decided by the matched route, not the raw URL (which may be encoded).
    allowList: (request) => webAppRoutes.has(request.routeOptions.url ?? ''),
    errorResponseBuilder: (request, limit) => {
      const error = new Error(`Rate limit exceeded: retry in ${Math.ceil(limit.ttl / 1000)} s`) as Error & {
        statusCode: number;
        code: string;
      };
      error.statusCode = 429;
      error.code = 'FST_ERR_RATE_LIMIT_EXCEEDED';
      void request;
      return error;
    },
  });
  // The document names PUBLIC_URL as its server; without one, `/`: the origin that serves it.
  await app.register(fastifySwagger, swaggerOptions(context.config.PUBLIC_URL ?? '/'));
  await registerMetrics(app, context);
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 },
    throwFileSizeLimit: true,
  });

  await app.register(async (api) => {
    await registerAuthRoutes(api, context);
    for (const routes of routeModules) await routes(api, context);
    registerApiDocs(api);
  });

  await serveWebApp(app, context.webDistDir, webAppRoutes);
  return app;
}

/**
 * The built React app at `/`, with client-side routes falling back to index.html (a not-found
 * handler, which the rate limit never applies to). The routes of its files are collected in `routes`.
 */
async function serveWebApp(app: FastifyInstance, distDir: string | undefined, routes: Set<string>): Promise<void> {
  const hasWebApp = Boolean(distDir && existsSync(path.join(distDir, 'index.html')));
  if (hasWebApp) {
    // @fastify/static (wildcard: false) adds one route per file while it registers, and nothing else does meanwhile.
    let isRegistering = true;
    app.addHook('onRoute', (route) => {
      if (isRegistering) routes.add(route.url);
    });
    await app.register(fastifyStatic, { root: distDir as string, wildcard: false, index: ['index.html'] });
    isRegistering = false;
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/metrics';
    if (!hasWebApp || isApi || request.method !== 'GET') {
      return sendProblem(request, reply, 'not_found', {
        detail: `No route ${request.method} ${request.url.split('?')[0]}`,
      });
    }
    return reply.sendFile('index.html');
  });
}
