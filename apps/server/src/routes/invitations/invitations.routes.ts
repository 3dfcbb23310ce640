import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerInvitation,
  cancelInvitation,
  inviteMember,
  listWorkspaceInvitations,
} from '@plume/core/workspaces/manage-invitations';
import { workspaceIdParam, workspaceParams } from '@plume/contract/common-schemas';
import {
  createInvitationBody,
  invitationIdParam,
  invitationSchema,
} from '@plume/contract/workspaces/workspace-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withIdempotency } from '../../lib/idempotency.ts';
import { actorOf, principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { requireUser, toWebHeaders } from '../../plugins/authenticate.ts';

const tags = ['invitations'];

export async function invitationRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/workspaces/:workspaceId/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations sent from this workspace (admin)',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(invitationSchema) }), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return { items: await listWorkspaceInvitations(context.db, access.workspace.id) };
    },
  );

  typed.post(
    '/api/v1/workspaces/:workspaceId/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by email (admin)',
        params: workspaceParams,
        body: createInvitationBody,
        response: { 201: invitationSchema, 409: protectedErrors[400], ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      if (access.principal.kind !== 'user') throw new Error('unreachable: API keys never reach admin');
      return withIdempotency(context, request, reply, principalKey(access.principal), async () => ({
        status: 201,
        body: await inviteMember(context, {
          workspaceId: access.workspace.id,
          ...request.body,
          actorRole: access.role,
          headers: toWebHeaders(request),
          actor: actorOf(access.principal),
        }),
      }));
    },
  );

  typed.delete(
    '/api/v1/workspaces/:workspaceId/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Cancel a pending invitation (admin)',
        params: z.object({ workspaceId: workspaceIdParam, invitationId: invitationIdParam }),
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await cancelInvitation(context.db, {
        workspaceId: access.workspace.id,
        invitationId: request.params.invitationId,
        actor: actorOf(access.principal),
      });
      return reply.status(204).send(null);
    },
  );

  typed.post(
    '/api/v1/invitations/:invitationId/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation addressed to you',
        params: z.object({ invitationId: invitationIdParam }),
        response: { 200: z.object({ workspaceId: z.string() }), 409: protectedErrors[400], ...protectedErrors },
      },
    },
    async (request) => {
      const user = await requireUser(context, request);
      return answerInvitation(context, {
        invitationId: request.params.invitationId,
        email: user.email,
        accept: true,
        headers: toWebHeaders(request),
        actor: actorOf(user),
      });
    },
  );

  typed.post(
    '/api/v1/invitations/:invitationId/decline',
    {
      schema: {
        tags,
        summary: 'Decline an invitation addressed to you',
        params: z.object({ invitationId: invitationIdParam }),
        response: { 204: z.null(), 409: protectedErrors[400], ...protectedErrors },
      },
    },
    async (request, reply) => {
      const user = await requireUser(context, request);
      await answerInvitation(context, {
        invitationId: request.params.invitationId,
        email: user.email,
        accept: false,
        headers: toWebHeaders(request),
        actor: actorOf(user),
      });
      return reply.status(204).send(null);
    },
  );
}
