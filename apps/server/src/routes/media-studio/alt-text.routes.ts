import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { mediaParams } from '@plume/contract/media/media-schemas';
import { altTextSuggestionSchema, suggestAltTextBody } from '@plume/contract/media/generation-schemas';
import { suggestAltText } from '@plume/core/media/suggest-alt-text';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { withLlmErrors } from '../llm/llm-errors.ts';

/** Alt text suggested by a vision model: a suggestion only, saved when the person saves it (PATCH the media). */
export async function altTextRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/workspaces/:workspaceId/media/:mediaId/alt-text/suggest',
    {
      schema: {
        tags: ['media'],
        summary:
          'Suggest alt text for a library image with a vision model (editor; task `alt_text`, local first). Nothing is saved. 402 `llm_budget_exceeded`, 503 `llm_unavailable`, 422 `llm_refused`, 409 for a video or audio file.',
        params: mediaParams,
        body: suggestAltTextBody,
        response: { 200: altTextSuggestionSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return withLlmErrors(() =>
        suggestAltText(
          { db: context.db, media: context.publishing.media, gateway: context.llm.gateway },
          {
            workspaceId: access.workspace.id,
            userId: access.principal.kind === 'user' ? access.principal.userId : null,
            mediaId: request.params.mediaId,
            context: request.body.context,
            language: request.body.language,
          },
        ),
      );
    },
  );
}
