import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emergencyReplacePost } from '@plume/core/planning/plans/replace-post';
import { emergencyReplaceBody, emergencyReplaceResponse } from '@plume/contract/planning/emergency-schemas';
import { postParams } from '@plume/contract/posts/post-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { workspaceOf } from '../content/content-deps.ts';
import { draftDeps } from '../plans/plan-deps.ts';
import { actorFrom } from './post-actor.ts';

/** `POST …/posts/:postId/emergency-replace`: pull a scheduled post and write a replacement for its slot. */
export async function emergencyReplaceRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/workspaces/:workspaceId/posts/:postId/emergency-replace',
    {
      schema: {
        tags: ['posts'],
        summary:
          'Pull a scheduled post and replace it (editor): unscheduled and cancelled through the state machine, and a replacement draft written with the reason and the old text in the prompt, for the same slot and accounts, to be approved like any draft',
        description:
          'A post written for a plan brief is replaced through its plan (a replacement brief in the same slot). The pull stands when the model cannot write the draft: `replacementPostId` is null and `problem` says why. 409 when the post is not scheduled.',
        params: postParams,
        body: emergencyReplaceBody,
        response: { 201: emergencyReplaceResponse, ...protectedErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const result = await withFieldPrefix('body', () =>
        emergencyReplacePost(draftDeps(context, access), {
          workspace: workspaceOf(access),
          postId: request.params.postId,
          reason: request.body.reason,
          actor: actorFrom(access),
        }),
      );
      return reply.status(201).send(result);
    },
  );
}
