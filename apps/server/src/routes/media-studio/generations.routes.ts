import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  createGenerationBody,
  generationParams,
  generationSchema,
  listGenerationsQuery,
  MAX_IMAGES_PER_JOB,
} from '@plume/contract/media/generation-schemas';
import { pageOf } from '@plume/contract/wire';
import { cancelGeneration, createGeneration } from '@plume/core/media/generation/create-generation';
import { listGenerations, readGeneration } from '@plume/core/media/generation/generation-views';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withIdempotency } from '../../lib/idempotency.ts';
import { principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['media'];

/** AI generation jobs: start, follow (poll every second or so), cancel. */
export async function generationRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/media/generations';

  typed.post(
    base,
    {
      schema: {
        tags,
        summary: `Start an AI generation (editor): \`image\` (1–${MAX_IMAGES_PER_JOB} images in a style and shape, optional character and variation), \`video\` (text- or image-to-video) or \`speech\` (a voice-over). Explicit prompts and prompts naming a real person without a recorded consent are refused (422 \`content_refused\` at \`body/prompt\` or \`body/text\`). A worker runs the job; results go to the media library pending approval.`,
        params: workspaceParams,
        body: createGenerationBody,
        response: { 201: generationSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return withIdempotency(context, request, reply, principalKey(access.principal), async () => ({
        status: 201,
        body: await createGeneration(context.db, {
          workspaceId: access.workspace.id,
          userId: access.principal.kind === 'user' ? access.principal.userId : null,
          body: request.body,
        }),
      }));
    },
  );

  typed.get(
    base,
    {
      schema: {
        tags,
        summary: 'Generation jobs of the workspace, newest first',
        params: workspaceParams,
        querystring: listGenerationsQuery,
        response: { 200: pageOf(generationSchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return listGenerations(context.db, access.workspace.id, request.query);
    },
  );

  typed.get(
    `${base}/:generationId`,
    {
      schema: {
        tags,
        summary: 'One generation job: its state, progress (0–1), results and dropped items',
        params: generationParams,
        response: { 200: generationSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return readGeneration(context.db, access.workspace.id, request.params.generationId);
    },
  );

  typed.post(
    `${base}/:generationId/cancel`,
    {
      schema: {
        tags,
        summary:
          'Cancel a queued or running generation (editor); what it already made stays in the library. 409 when it is over.',
        params: generationParams,
        response: { 200: generationSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return cancelGeneration(context.db, access.workspace.id, request.params.generationId);
    },
  );
}
