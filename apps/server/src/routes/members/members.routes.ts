import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeMemberRole, listMembers, removeMember } from '@plume/core/workspaces/manage-members';
import { workspaceIdParam, workspaceParams } from '@plume/contract/common-schemas';
import { itemsOf } from '@plume/contract/wire';
import { changeRoleBody, memberSchema } from '@plume/contract/workspaces/workspace-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['members'];

const memberParams = z.object({ workspaceId: workspaceIdParam, memberId: z.string().min(1).max(64) });

export async function memberRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/workspaces/:workspaceId/members',
    {
      schema: {
        tags,
        summary: 'Members and their roles',
        params: workspaceParams,
        response: { 200: itemsOf(memberSchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await listMembers(context.db, access.workspace.id) };
    },
  );

  typed.patch(
    '/api/v1/workspaces/:workspaceId/members/:memberId',
    {
      schema: {
        tags,
        summary: "Change a member's role (admin; owner role only by an owner)",
        params: memberParams,
        body: changeRoleBody,
        response: { 200: memberSchema, 409: protectedErrors[400], ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return changeMemberRole(context.db, {
        workspaceId: access.workspace.id,
        memberId: request.params.memberId,
        role: request.body.role,
        actorRole: access.role,
        actor: actorOf(access.principal),
      });
    },
  );

  typed.delete(
    '/api/v1/workspaces/:workspaceId/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Remove a member (admin; the last owner stays)',
        params: memberParams,
        response: { 204: z.null(), 409: protectedErrors[400], ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await removeMember(context.db, {
        workspaceId: access.workspace.id,
        memberId: request.params.memberId,
        actorRole: access.role,
        actor: actorOf(access.principal),
      });
      return reply.status(204).send(null);
    },
  );
}
