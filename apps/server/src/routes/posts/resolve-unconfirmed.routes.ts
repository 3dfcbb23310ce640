import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { resolveUnconfirmedPosts } from '@plume/core/posts/resolve-unconfirmed';
import { workspaceParams } from '@plume/contract/common-schemas';
import { resolveUnconfirmedBody, resolveUnconfirmedResponse } from '@plume/contract/posts/resolve-unconfirmed-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { actorFrom } from './post-actor.ts';

export async function resolveUnconfirmedRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/workspaces/:workspaceId/posts/resolve-unconfirmed',
    {
      schema: {
        tags: ['posts'],
        summary: 'Resolve up to 100 unconfirmed posts at once (editor): mark them published, or publish them now',
        description:
          'Answers 200 with one result per post, in the order given (repeated ids once): `ok` with the new state, or the reason that post could not be resolved (`not_found`, `invalid_state` when it is no longer unconfirmed, `validation_failed` when it can no longer go out as it is). One post failing never stops the others.',
        params: workspaceParams,
        body: resolveUnconfirmedBody,
        response: { 200: resolveUnconfirmedResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const results = await resolveUnconfirmedPosts(
        { db: context.db, runtime: context.publishing.runtime },
        {
          workspaceId: access.workspace.id,
          actor: actorFrom(access),
          postIds: request.body.postIds,
          resolution: request.body.resolution,
        },
      );
      return { results };
    },
  );
}
