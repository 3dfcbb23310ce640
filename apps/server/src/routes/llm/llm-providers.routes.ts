import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { removeWorkspaceProvider, saveWorkspaceProvider } from '@plume/core/llm/manage-llm-providers';
import { listProviderStatus, testProviderConfig, testSavedProvider } from '@plume/core/llm/provider-status';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  healthSchema,
  providerParams,
  providersQuery,
  providersResponse,
  saveProviderBody,
  savedProviderResponse,
  testProviderBody,
} from '@plume/contract/llm/llm-provider-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['models'];
const base = '/api/v1/workspaces/:workspaceId/llm/providers';

export async function llmProviderRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    base,
    {
      schema: {
        tags,
        summary:
          "Every model provider the workspace can reach — the instance's (Ollama, keys in the server's environment) and its own — with its circuit state; `?check=true` adds a live health check",
        params: workspaceParams,
        querystring: providersQuery,
        response: { 200: providersResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const items = await listProviderStatus(
        { db: context.db, llm: context.llm },
        { workspaceId: access.workspace.id, check: request.query.check === 'true' },
      );
      return { items };
    },
  );

  typed.put(
    `${base}/:providerId`,
    {
      schema: {
        tags,
        summary:
          "Add or update one of the workspace's own providers (admin). The key is encrypted at rest and never returned; a workspace provider hides the instance's of the same id.",
        params: providerParams,
        body: saveProviderBody,
        response: { 200: savedProviderResponse, ...protectedErrors, 409: problemSchema },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const { kind, baseUrl, apiKey, enabled } = request.body;
      const saved = await saveWorkspaceProvider(
        { db: context.db, keyring: context.keyring },
        {
          workspaceId: access.workspace.id,
          actor: actorOf(access.principal),
          provider: {
            providerId: request.params.providerId,
            kind,
            ...(baseUrl === undefined ? {} : { baseUrl }),
            ...(apiKey === undefined ? {} : { apiKey }),
            ...(enabled === undefined ? {} : { enabled }),
          },
        },
      );
      context.llm.directory.invalidate(access.workspace.id);
      return saved;
    },
  );

  typed.delete(
    `${base}/:providerId`,
    {
      schema: {
        tags,
        summary: "Remove one of the workspace's own providers and its key (admin)",
        params: providerParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await removeWorkspaceProvider(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        providerId: request.params.providerId,
      });
      context.llm.directory.invalidate(access.workspace.id);
      return reply.status(204).send(null);
    },
  );

  typed.post(
    `${base}/:providerId/test`,
    {
      schema: {
        tags,
        summary:
          'Test connection of a saved or instance provider (admin): lists its models, never a paid generation; the reason says what is wrong in plain words',
        params: providerParams,
        response: { 200: healthSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return testSavedProvider(
        { db: context.db, llm: context.llm, keyring: context.keyring },
        { workspaceId: access.workspace.id, providerId: request.params.providerId },
      );
    },
  );

  typed.post(
    `${base}/test`,
    {
      schema: {
        tags,
        summary: 'Test connection of a configuration before saving it (admin); nothing is stored',
        params: workspaceParams,
        body: testProviderBody,
        response: { 200: healthSchema, ...protectedErrors },
      },
    },
    async (request) => {
      await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return testProviderConfig(context.llm, request.body);
    },
  );
}
