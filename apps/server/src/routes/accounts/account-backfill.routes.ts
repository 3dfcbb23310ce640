import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { backfillProgress, requestBackfill } from '@plume/core/analytics/backfill-progress';
import { accountParams } from '@plume/contract/accounts/account-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['analytics'];
const progressSchema = z.object({
  state: z.enum(['not_started', 'queued', 'running', 'done']),
  posts: z.number().int().describe('Posts read back by a backfill so far'),
  lastError: z.string().nullable(),
});

/** Reading an account's recent posts and their numbers back, on demand (it also runs at connect). */
export async function accountBackfillRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const path = '/api/v1/workspaces/:workspaceId/accounts/:accountId/analytics/backfill';

  typed.post(
    path,
    {
      schema: {
        tags,
        summary: "Read the account's recent posts (90 days, up to 500) with their metrics (editor). Poll with GET.",
        params: accountParams,
        response: { 202: progressSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const progress = await requestBackfill(
        { db: context.db, runtime: context.publishing.runtime },
        access.workspace.id,
        request.params.accountId,
      );
      return reply.code(202).send(progress);
    },
  );

  typed.get(
    path,
    {
      schema: {
        tags,
        summary: "Progress of the account's backfill (viewer)",
        params: accountParams,
        response: { 200: progressSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return backfillProgress(context.db, access.workspace.id, request.params.accountId);
    },
  );
}
