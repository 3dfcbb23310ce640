import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listDeliveries, replayDelivery, sendTestEvent } from '@plume/core/webhooks/webhook-deliveries';
import { paginationQuery } from '@plume/contract/common-schemas';
import { webhookDeliveryParams, webhookDeliverySchema, webhookParams } from '@plume/contract/webhooks/webhook-schemas';
import { pageOf } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['webhooks'];
const path = '/api/v1/workspaces/:workspaceId/webhooks/:webhookId';

/** An endpoint's delivery log, replay and the test event (admin): docs/webhooks.md. */
export async function webhookDeliveryRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: context.db, keyring: context.keyring, http: context.publishing.http };

  typed.get(
    `${path}/deliveries`,
    {
      schema: {
        tags,
        summary: "An endpoint's delivery log, newest first, each with its latest attempts (admin)",
        params: webhookParams,
        querystring: paginationQuery,
        response: { 200: pageOf(webhookDeliverySchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return listDeliveries(context.db, {
        workspaceId: access.workspace.id,
        webhookId: request.params.webhookId,
        limit: request.query.limit,
        cursor: request.query.cursor,
      });
    },
  );

  typed.post(
    `${path}/deliveries/:deliveryId/replay`,
    {
      schema: {
        tags,
        summary: 'Send a delivery again: a new round of attempts of the same message, same `webhook-id` (admin)',
        params: webhookDeliveryParams,
        response: { 202: webhookDeliverySchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const delivery = await replayDelivery(context.db, {
        workspaceId: access.workspace.id,
        webhookId: request.params.webhookId,
        deliveryId: request.params.deliveryId,
        actor: actorOf(access.principal),
      });
      return reply.status(202).send(delivery);
    },
  );

  typed.post(
    `${path}/test`,
    {
      schema: {
        tags,
        summary: 'Send a `webhook.test` event to this endpoint now; answers with the delivery and its attempt (admin)',
        params: webhookParams,
        response: { 200: webhookDeliverySchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return sendTestEvent(deps, {
        workspaceId: access.workspace.id,
        webhookId: request.params.webhookId,
        actor: actorOf(access.principal),
      });
    },
  );
}
