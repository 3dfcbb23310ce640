import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getPublishingPause, resumePublishing } from '@plume/core/publishing/publishing-pause';
import { AppError } from '@plume/errors/app-error';
import { publishingPauseSchema, resumedPublishingSchema } from '@plume/contract/instance/publishing-pause-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireUser } from '../../plugins/authenticate.ts';

const tags = ['instance'];

/**
 * The instance-wide publishing switch. A restored copy starts paused so that it and the original do not
 * both publish the same posts (docs/publishing.md); the instance admin resumes it here or with
 * `plume publishing resume`.
 */
export async function instancePublishingRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/instance/publishing',
    {
      schema: {
        tags,
        summary:
          'Whether publishing is paused on this server (any signed-in user): while paused no post goes out, due posts wait',
        response: { 200: publishingPauseSchema, ...protectedErrors },
      },
    },
    async (request) => {
      await requireUser(context, request);
      return getPublishingPause(context.db);
    },
  );

  typed.post(
    '/api/v1/instance/publishing/resume',
    {
      schema: {
        tags,
        summary: 'Resume publishing (instance admin): posts that fell due while paused go out at once',
        response: { 200: resumedPublishingSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const user = await requireUser(context, request);
      if (!user.isInstanceAdmin)
        throw AppError.forbidden('Only the instance admin (the first registered user) resumes publishing.');
      const resumed = await resumePublishing(context.db, { by: user.name });
      request.log.warn({ by: user.userId, queued: resumed.queued }, 'publishing resumed');
      return resumed;
    },
  );
}
