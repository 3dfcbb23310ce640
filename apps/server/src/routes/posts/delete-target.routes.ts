import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deletePublishedTarget } from '@plume/core/posts/delete-published-target';
import { getPost } from '@plume/core/posts/query-posts';
import { workspaceIdParam } from '@plume/contract/common-schemas';
import { postDetailSchema } from '@plume/contract/posts/post-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { callerOf } from './post-actor.ts';

const params = z.object({ workspaceId: workspaceIdParam, postId: z.uuid(), targetId: z.uuid() });

/** Deleting a published post from its network (docs/publishing.md). */
export async function deleteTargetRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/workspaces/:workspaceId/posts/:postId/targets/:targetId/delete',
    {
      schema: {
        tags: ['posts'],
        summary: 'Delete a published post from its network (editor); it cannot be undone',
        description:
          "The target becomes `deleted` (a post the network no longer has counts as deleted). 409 when it is not published or a deletion is running; the network's refusal answers 422 or 502 with its reason, and the target stays published. When no answer came, the post detail lists the deletion as `unknown`: deleting again is safe.",
        params,
        response: { 200: postDetailSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const { publishing } = context;
      await deletePublishedTarget(
        { db: context.db, keyring: context.keyring, runtime: publishing.runtime, appUrl: publishing.appUrl },
        {
          workspaceId: access.workspace.id,
          postId: request.params.postId,
          targetId: request.params.targetId,
          actor: actorOf(access.principal),
        },
      );
      return getPost(
        { db: context.db, runtime: publishing.runtime },
        access.workspace.id,
        request.params.postId,
        await callerOf(context, access),
      );
    },
  );
}
