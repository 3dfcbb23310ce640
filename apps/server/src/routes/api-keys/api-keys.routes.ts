import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from '@plume/core/api-keys/manage-api-keys';
import { apiKeyScopes } from '@plume/db/schema/api-keys';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors, workspaceIdParam, workspaceParams } from '../../lib/common-schemas.ts';
import { withIdempotency } from '../../lib/idempotency.ts';
import { actorOf, principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['api-keys'];

const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(apiKeyScopes)),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  createdBy: z.string().nullable(),
});

const createApiKeyBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    scopes: z.array(z.enum(apiKeyScopes)).min(1).max(apiKeyScopes.length),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export async function apiKeyRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get('/api/v1/workspaces/:workspaceId/api-keys', { schema: { tags, summary: 'Active API keys (never their secrets)', params: workspaceParams, response: { 200: z.object({ items: z.array(apiKeySchema) }), ...protectedErrors } } }, async (request) => {
    const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
    return { items: await listApiKeys(context.db, access.workspace.id) };
  });

  typed.post('/api/v1/workspaces/:workspaceId/api-keys', {
    schema: {
      tags,
      summary: 'Create an API key (admin). The answer holds the key; it is never shown again.',
      params: workspaceParams,
      body: createApiKeyBody,
      response: { 201: apiKeySchema.extend({ key: z.string() }), ...protectedErrors },
    },
  }, async (request, reply) => {
    const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
    // No Cache-Control on a secret-bearing answer would let a proxy keep it.
    void reply.header('cache-control', 'no-store');
    return withIdempotency(context, request, reply, principalKey(access.principal), async () => ({
      status: 201,
      body: await createApiKey(context.db, { workspaceId: access.workspace.id, ...request.body, actor: actorOf(access.principal) }),
    }), { holdsSecret: true });
  });

  typed.delete('/api/v1/workspaces/:workspaceId/api-keys/:apiKeyId', {
    schema: { tags, summary: 'Revoke an API key (admin)', params: z.object({ workspaceId: workspaceIdParam, apiKeyId: z.uuid() }), response: { 204: z.null(), ...protectedErrors } },
  }, async (request, reply) => {
    const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
    await revokeApiKey(context.db, { workspaceId: access.workspace.id, apiKeyId: request.params.apiKeyId, actor: actorOf(access.principal) });
    return reply.status(204).send(null);
  });
}
