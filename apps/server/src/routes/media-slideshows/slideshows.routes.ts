import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getSlideshow, startSlideshow } from '@plume/core/media/video/start-slideshow';
import { workspaceParams } from '@plume/contract/common-schemas';
import { createSlideshowBody, slideshowParams, slideshowSchema } from '@plume/contract/media/slideshow-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['media'];

/** Slideshow videos rendered by the worker from vault pictures (docs/media.md "Video"). */
export async function slideshowRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/v1/workspaces/:workspaceId/media/slideshows',
    {
      schema: {
        tags,
        summary:
          'Render a slideshow video (editor): vault pictures with captions, transitions, an optional voice-over and music. Answers at once; poll the slideshow for its progress and video.',
        params: workspaceParams,
        body: createSlideshowBody,
        response: { 202: slideshowSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const started = await startSlideshow(context.db, {
        workspaceId: access.workspace.id,
        userId: access.principal.kind === 'user' ? access.principal.userId : null,
        request: request.body,
      });
      return reply.status(202).send(started);
    },
  );

  typed.get(
    '/api/v1/workspaces/:workspaceId/media/slideshows/:slideshowId',
    {
      schema: {
        tags,
        summary: "A slideshow's state, progress (0–1), error in plain words, and its video once done",
        params: slideshowParams,
        response: { 200: slideshowSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return getSlideshow(context.db, access.workspace.id, request.params.slideshowId);
    },
  );
}
