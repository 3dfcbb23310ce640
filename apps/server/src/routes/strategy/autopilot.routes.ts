import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAutopilot, putAutopilot, resumeAutopilot } from '@plume/core/planning/autopilot/autopilot-store';
import { workspaceParams } from '@plume/contract/common-schemas';
import { autopilotSettingsBody, autopilotSettingsSchema } from '@plume/contract/planning/autopilot-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['strategy'];
const base = '/api/v1/workspaces/:workspaceId/autopilot';

/** The workspace's autopilot level, guardrails and pause (docs/planning.md "Autopilot and guardrails"). */
export async function autopilotRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    base,
    {
      schema: {
        tags,
        summary: "The autopilot's level, guardrails and pause (viewer); level `draft` until someone sets it",
        params: workspaceParams,
        response: { 200: autopilotSettingsSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return getAutopilot(context.db, access.workspace.id);
    },
  );

  typed.put(
    base,
    {
      schema: {
        tags,
        summary:
          'Set the autopilot level and guardrails (editor; raising the level takes an admin or the owner). Approved pillars must be keys of the strategy.',
        params: workspaceParams,
        body: autopilotSettingsBody,
        response: { 200: autopilotSettingsSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return withFieldPrefix('body', () =>
        putAutopilot(context.db, {
          workspaceId: access.workspace.id,
          actor: actorOf(access.principal),
          role: access.role,
          body: request.body,
        }),
      );
    },
  );

  typed.post(
    `${base}/resume`,
    {
      schema: {
        tags,
        summary: 'Resume a paused autopilot (admin); a spike seen before now does not pause it again',
        params: workspaceParams,
        response: { 200: autopilotSettingsSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return resumeAutopilot(context.db, { workspaceId: access.workspace.id, actor: actorOf(access.principal) });
    },
  );
}
