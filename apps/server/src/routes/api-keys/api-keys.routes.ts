import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from '@plume/core/api-keys/manage-api-keys';
import { apiKeySchema, createApiKeyBody, createdApiKeySchema } from '@plume/contract/api-keys/api-key-schemas';
import { workspaceIdParam, workspaceParams } from '@plume/contract/common-schemas';
import { itemsOf } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withIdempotency } from '../../lib/idempotency.ts';
import { actorOf, principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['api-keys'];

export async function apiKeyRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/workspaces/:workspaceId/api-keys',
    {
      schema: {
        tags,
        summary: 'Active API keys (never their secrets)',
        params: workspaceParams,
        response: { 200: itemsOf(apiKeySchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return { items: await listApiKeys(context.db, access.workspace.id) };
    },
  );

  typed.post(
    '/api/v1/workspaces/:workspaceId/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key (admin). The answer holds the key; it is never shown again.',
        params: workspaceParams,
        body: createApiKeyBody,
        response: { 201: createdApiKeySchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      // No Cache-Control on a secret-bearing answer would let a proxy keep it.
      void reply.header('cache-control', 'no-store');
      return withIdempotency(
        context,
        request,
        reply,
        principalKey(access.principal),
        async () => ({
          status: 201,
          body: await createApiKey(context.db, {
            workspaceId: access.workspace.id,
            ...request.body,
            actor: actorOf(access.principal),
          }),
        }),
        { holdsSecret: true },
      );
    },
  );

  typed.delete(
    '/api/v1/workspaces/:workspaceId/api-keys/:apiKeyId',
    {
      schema: {
        tags,
        summary: 'Revoke an API key (admin)',
        params: z.object({ workspaceId: workspaceIdParam, apiKeyId: z.uuid() }),
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await revokeApiKey(context.db, {
        workspaceId: access.workspace.id,
        apiKeyId: request.params.apiKeyId,
        actor: actorOf(access.principal),
      });
      return reply.status(204).send(null);
    },
  );
}
