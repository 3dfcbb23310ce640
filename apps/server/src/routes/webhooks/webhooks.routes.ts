import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { webhookUrlGuard } from '@plume/core/webhooks/check-webhook-url';
import {
  createWebhook,
  deleteWebhook,
  findWebhook,
  listWebhooks,
  rotateWebhookSecret,
  toWebhookView,
  updateWebhook,
} from '@plume/core/webhooks/manage-webhooks';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  createdWebhookSchema,
  createWebhookBody,
  rotatedWebhookSecretSchema,
  updateWebhookBody,
  webhookParams,
  webhookSchema,
} from '@plume/contract/webhooks/webhook-schemas';
import { itemsOf } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withIdempotency } from '../../lib/idempotency.ts';
import { actorOf, principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['webhooks'];
const path = '/api/v1/workspaces/:workspaceId/webhooks';

/** Webhook endpoints (admin): docs/webhooks.md. Secrets appear in the create and rotate answers only. */
export async function webhookRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const admin = {
    db: context.db,
    keyring: context.keyring,
    guard: webhookUrlGuard(context.config.HTTP_ALLOW_PRIVATE_HOSTS),
  };

  typed.get(
    path,
    {
      schema: {
        tags,
        summary: "The workspace's webhook endpoints (admin; never their secrets)",
        params: workspaceParams,
        response: { 200: itemsOf(webhookSchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return { items: await listWebhooks(context.db, access.workspace.id) };
    },
  );

  typed.post(
    path,
    {
      schema: {
        tags,
        summary: 'Add a webhook endpoint (admin). The answer holds its signing secret, never shown again.',
        description:
          'The URL must be a public address (or one allowed by HTTP_ALLOW_PRIVATE_HOSTS); otherwise 400 at `body/url`.',
        params: workspaceParams,
        body: createWebhookBody,
        response: { 201: createdWebhookSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      void reply.header('cache-control', 'no-store');
      return withIdempotency(
        context,
        request,
        reply,
        principalKey(access.principal),
        async () => ({
          status: 201,
          body: await createWebhook(admin, {
            workspaceId: access.workspace.id,
            actor: actorOf(access.principal),
            ...request.body,
          }),
        }),
        { holdsSecret: true },
      );
    },
  );

  typed.get(
    `${path}/:webhookId`,
    {
      schema: {
        tags,
        summary: 'One webhook endpoint (admin)',
        params: webhookParams,
        response: { 200: webhookSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return toWebhookView(await findWebhook(context.db, access.workspace.id, request.params.webhookId));
    },
  );

  typed.patch(
    `${path}/:webhookId`,
    {
      schema: {
        tags,
        summary: 'Change a webhook endpoint: address, description, events, on or off (admin)',
        params: webhookParams,
        body: updateWebhookBody,
        response: { 200: webhookSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return updateWebhook(admin, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        webhookId: request.params.webhookId,
        changes: request.body,
      });
    },
  );

  typed.delete(
    `${path}/:webhookId`,
    {
      schema: {
        tags,
        summary: 'Delete a webhook endpoint and its delivery log (admin)',
        params: webhookParams,
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await deleteWebhook(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        webhookId: request.params.webhookId,
      });
      return reply.status(204).send(null);
    },
  );

  typed.post(
    `${path}/:webhookId/rotate-secret`,
    {
      schema: {
        tags,
        summary: 'Rotate the signing secret (admin): the old one keeps signing beside the new one for 24 hours',
        params: webhookParams,
        response: { 200: rotatedWebhookSecretSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      void reply.header('cache-control', 'no-store');
      return rotateWebhookSecret(admin, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        webhookId: request.params.webhookId,
      });
    },
  );
}
