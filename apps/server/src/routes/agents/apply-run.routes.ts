import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { applyRun } from '@plume/core/agents/apply-run';
import { agentRunParams } from '@plume/contract/agents/agent-run-schemas';
import { applyRunResponse } from '@plume/contract/agents/apply-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

/** Applying a run's proposal: a reviewed step after a strategy or learning run succeeded. */
export async function agentRunApplyRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/workspaces/:workspaceId/agent-runs/:runId/apply',
    {
      schema: {
        tags: ['agents'],
        summary:
          "Apply a succeeded run's proposal (editor), once. A strategy run: the first month's pillar mix and the KPI targets go into the workspace strategy, each month's themes into its plan (created when the month has none). A learning run: its pillar shares go into the strategy (at most 10 points each) and its adjustments are recorded for the next weeks. All in one transaction, audit-logged. 409 when the run did not succeed, has nothing to apply, or was applied already.",
        params: agentRunParams,
        response: { 200: applyRunResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return applyRun(context.db, {
        workspaceId: access.workspace.id,
        runId: request.params.runId,
        actor: actorOf(access.principal),
        userId: access.principal.kind === 'user' ? access.principal.userId : null,
      });
    },
  );
}
