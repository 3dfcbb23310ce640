import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { POST_STATES } from '@plume/core/posts/post-machine';
import { resolveUnconfirmedPosts } from '@plume/core/posts/resolve-unconfirmed';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors, workspaceParams } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { actorFrom } from './post-actor.ts';

export const resolveUnconfirmedBody = z.strictObject({
  postIds: z.array(z.uuid()).min(1).max(100),
  resolution: z.enum(['published', 'republish']).describe('`published`: it is on the network, mark it published. `republish`: it is not, publish it now.'),
});

const resolvedPost = z.union([
  z.object({ postId: z.string(), ok: z.literal(true), state: z.enum(POST_STATES) }),
  z.object({ postId: z.string(), ok: z.literal(false), code: z.string(), message: z.string() }),
]);

export async function resolveUnconfirmedRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/workspaces/:workspaceId/posts/resolve-unconfirmed', {
    schema: {
      tags: ['posts'],
      summary: 'Resolve up to 100 unconfirmed posts at once (editor): mark them published, or publish them now',
      description:
        'Answers 200 with one result per post, in the order given (repeated ids once): `ok` with the new state, or the reason that post could not be resolved (`not_found`, `invalid_state` when it is no longer unconfirmed, `validation_failed` when it can no longer go out as it is). One post failing never stops the others.',
      params: workspaceParams,
      body: resolveUnconfirmedBody,
      response: { 200: z.object({ results: z.array(resolvedPost) }), ...protectedErrors },
    },
  }, async (request) => {
    const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
    const results = await resolveUnconfirmedPosts(
      { db: context.db, runtime: context.publishing.runtime },
      { workspaceId: access.workspace.id, actor: actorFrom(access), postIds: request.body.postIds, resolution: request.body.resolution },
    );
    return { results };
  });
}
