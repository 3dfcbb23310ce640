import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { workspaceParams } from '@plume/contract/common-schemas';
import { healthSchema, providersQuery } from '@plume/contract/llm/llm-provider-schemas';
import {
  mediaPoliciesResponse,
  mediaPolicyBody,
  mediaPolicyParams,
  mediaPolicyView,
  mediaProviderParams,
  mediaProvidersResponse,
  saveMediaProviderBody,
  savedMediaProviderResponse,
  testMediaProviderBody,
} from '@plume/contract/media/media-provider-schemas';
import { problemSchema } from '@plume/contract/wire';
import { removeWorkspaceProvider } from '@plume/core/llm/manage-llm-providers';
import { resetPolicy, savePolicy } from '@plume/core/llm/manage-llm-settings';
import {
  listMediaProviderStatus,
  readMediaPolicies,
  saveMediaProvider,
  testMediaProviderConfig,
  testSavedMediaProvider,
} from '@plume/core/media/media-provider-status';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['models'];
const base = '/api/v1/workspaces/:workspaceId/media';

/** The media gateway's providers (images, video, speech) and the media tasks' routing policies. */
export async function mediaProviderRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { media } = context.llm;

  typed.get(
    `${base}/providers`,
    {
      schema: {
        tags,
        summary:
          "Every image, video and speech provider the workspace can reach — the instance's (keys, local servers, espeak-ng) and its own — with what each can make and its circuit state; `canMake` says whether images, video and speech can be made at all; `?check=true` adds a live health check",
        params: workspaceParams,
        querystring: providersQuery,
        response: { 200: mediaProvidersResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return listMediaProviderStatus(
        { db: context.db, llm: context.llm },
        { workspaceId: access.workspace.id, check: request.query.check === 'true' },
      );
    },
  );

  typed.put(
    `${base}/providers/:providerId`,
    {
      schema: {
        tags,
        summary:
          "Add or update one of the workspace's own media providers (admin). The key is encrypted at rest and never returned; its URL goes through the same address checks as every outbound request.",
        params: mediaProviderParams,
        body: saveMediaProviderBody,
        response: { 200: savedMediaProviderResponse, ...protectedErrors, 409: problemSchema },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const { kind, baseUrl, apiKey, enabled } = request.body;
      const saved = await saveMediaProvider(
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
      media.directory.invalidate(access.workspace.id);
      return saved;
    },
  );

  typed.delete(
    `${base}/providers/:providerId`,
    {
      schema: {
        tags,
        summary: "Remove one of the workspace's own media providers and its key (admin)",
        params: mediaProviderParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await removeWorkspaceProvider(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        providerId: request.params.providerId,
        purpose: 'media',
      });
      media.directory.invalidate(access.workspace.id);
      return reply.status(204).send(null);
    },
  );

  typed.post(
    `${base}/providers/:providerId/test`,
    {
      schema: {
        tags,
        summary:
          'Test connection of a saved or instance media provider (admin): lists its models, never a paid generation',
        params: mediaProviderParams,
        response: { 200: healthSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return testSavedMediaProvider(
        { db: context.db, llm: context.llm, keyring: context.keyring },
        { workspaceId: access.workspace.id, providerId: request.params.providerId },
      );
    },
  );

  typed.post(
    `${base}/providers/test`,
    {
      schema: {
        tags,
        summary: 'Test connection of a media provider configuration before saving it (admin); nothing is stored',
        params: workspaceParams,
        body: testMediaProviderBody,
        response: { 200: healthSchema, ...protectedErrors },
      },
    },
    async (request) => {
      await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return testMediaProviderConfig(context.llm, request.body);
    },
  );

  typed.get(
    `${base}/policies`,
    {
      schema: {
        tags,
        summary:
          'The routing policy of each media task (image, video, speech): the stored one, or the built-in default (local first)',
        params: workspaceParams,
        response: { 200: mediaPoliciesResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await readMediaPolicies({ db: context.db, llm: context.llm }, access.workspace.id) };
    },
  );

  typed.put(
    `${base}/policies/:task`,
    {
      schema: {
        tags,
        summary: "Set a media task's routing policy (admin): a mode and 1–8 candidates",
        params: mediaPolicyParams,
        body: mediaPolicyBody,
        response: { 200: mediaPolicyView, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const { task } = request.params;
      await savePolicy(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        task,
        policy: request.body,
      });
      media.gateway.forgetPolicy(access.workspace.id);
      return { task, ...request.body, isDefault: false };
    },
  );

  typed.delete(
    `${base}/policies/:task`,
    {
      schema: {
        tags,
        summary: 'Put a media task back on the built-in default policy (admin); 204 also when it already was',
        params: mediaPolicyParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await resetPolicy(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        task: request.params.task,
      });
      media.gateway.forgetPolicy(access.workspace.id);
      return reply.status(204).send(null);
    },
  );
}
