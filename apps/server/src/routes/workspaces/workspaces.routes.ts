import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildChecklist } from '@plume/core/workspaces/build-checklist';
import { createWorkspace } from '@plume/core/workspaces/create-workspace';
import { findWorkspace, listWorkspacesOfUser } from '@plume/core/workspaces/list-workspaces';
import { deleteWorkspace, updateWorkspace } from '@plume/core/workspaces/update-workspace';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  checklistSchema,
  createWorkspaceBody,
  updateWorkspaceBody,
  workspaceSchema,
} from '@plume/contract/workspaces/workspace-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { idempotencyWindowHours, withIdempotency } from '../../lib/idempotency.ts';
import { actorOf, principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { requirePrincipal, requireUser, toWebHeaders } from '../../plugins/authenticate.ts';

const tags = ['workspaces'];

export async function workspaceRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/workspaces',
    {
      schema: {
        tags,
        summary: 'Your workspaces (an API key sees its own)',
        response: { 200: z.object({ items: z.array(workspaceSchema) }), ...protectedErrors },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(context, request);
      if (principal.kind === 'user') return { items: await listWorkspacesOfUser(context.db, principal.userId) };
      const workspace = await findWorkspace(context.db, principal.workspaceId);
      return {
        items: workspace
          ? [{ ...workspace, role: principal.scopes.includes('write') ? ('editor' as const) : ('viewer' as const) }]
          : [],
      };
    },
  );

  typed.post(
    '/api/v1/workspaces',
    {
      schema: {
        tags,
        summary: 'Create a workspace (a brand or a character); you become its owner',
        description: `Honours Idempotency-Key for ${idempotencyWindowHours} h.`,
        body: createWorkspaceBody,
        response: { 201: workspaceSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const user = await requireUser(context, request);
      return withIdempotency(context, request, reply, principalKey(user), async () => ({
        status: 201,
        body: await createWorkspace(context, {
          ...request.body,
          headers: toWebHeaders(request),
          actor: { type: 'user', id: user.userId, name: user.name },
        }),
      }));
    },
  );

  typed.get(
    '/api/v1/workspaces/:workspaceId',
    {
      schema: {
        tags,
        summary: 'One workspace',
        params: workspaceParams,
        response: { 200: workspaceSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return access.workspace;
    },
  );

  typed.patch(
    '/api/v1/workspaces/:workspaceId',
    {
      schema: {
        tags,
        summary: 'Rename or change time zone and locale (admin)',
        params: workspaceParams,
        body: updateWorkspaceBody,
        response: { 200: workspaceSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await updateWorkspace(context.db, access.workspace.id, request.body, actorOf(access.principal));
      const updated = await requireWorkspaceRole(context, request, access.workspace.id, 'admin');
      return updated.workspace;
    },
  );

  typed.delete(
    '/api/v1/workspaces/:workspaceId',
    {
      schema: {
        tags,
        summary: 'Delete the workspace and all its data (owner)',
        params: workspaceParams,
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'owner');
      await deleteWorkspace(context.db, access.workspace.id);
      return reply.status(204).send(null);
    },
  );

  typed.get(
    '/api/v1/workspaces/:workspaceId/checklist',
    {
      schema: {
        tags,
        summary: 'Getting-started checklist',
        params: workspaceParams,
        response: { 200: checklistSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await buildChecklist(context.db, access.workspace.id) };
    },
  );
}
