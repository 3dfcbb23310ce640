import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getBrandProfile, putBrandProfile, type BrandProfileView } from '@plume/core/content/brand-profile-store';
import { previewVoice } from '@plume/core/content/preview-voice';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  brandProfileBody,
  brandProfileResponse,
  previewBody,
  previewResponse,
} from '@plume/contract/content/content-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { withLlmErrors } from '../llm/llm-errors.ts';
import { contentDeps, userIdOf, workspaceOf } from './content-deps.ts';

const tags = ['content'];
const base = '/api/v1/workspaces/:workspaceId/brand-profile';
const llmErrors = { 402: problemSchema, 422: problemSchema, 503: problemSchema };

const EMPTY_HINT = 'No brand profile yet: generation uses a neutral voice until an admin saves one.';

function toResponse(profile: BrandProfileView | null) {
  return { profile, hint: profile ? null : EMPTY_HINT };
}

export async function brandProfileRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    base,
    {
      schema: {
        tags,
        summary: "The workspace's brand profile and persona (viewer); `profile: null` with a hint when none is set",
        params: workspaceParams,
        response: { 200: brandProfileResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return toResponse(await getBrandProfile(context.db, access.workspace.id));
    },
  );

  typed.put(
    base,
    {
      schema: {
        tags,
        summary:
          'Set the brand profile (admin): audience, goals, voice, topics, restrictions, language, hashtags; a character workspace also needs a persona with its AI disclosure',
        params: workspaceParams,
        body: brandProfileBody,
        response: { 200: brandProfileResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const saved = await withFieldPrefix('body', () =>
        putBrandProfile(context.db, {
          workspace: workspaceOf(access),
          actor: actorOf(access.principal),
          profile: request.body,
        }),
      );
      return toResponse(saved);
    },
  );

  typed.post(
    `${base}/preview`,
    {
      schema: {
        tags,
        summary:
          'How a post in this voice reads (editor): one short sample for a network (default linkedin), generated through the model gateway, with its quality score. Send `profile` to preview unsaved changes.',
        params: workspaceParams,
        body: previewBody,
        response: { 200: previewResponse, ...protectedErrors, ...llmErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const { network, topic, profile } = request.body;
      const voice = profile
        ? { brand: profile.brand, ...(profile.persona ? { persona: profile.persona } : {}) }
        : undefined;
      const preview = await withLlmErrors(() =>
        withFieldPrefix('body', () =>
          previewVoice(contentDeps(context, access), {
            workspace: workspaceOf(access),
            userId: userIdOf(access),
            network,
            topic,
            voice,
          }),
        ),
      );
      return { network, ...preview };
    },
  );
}
