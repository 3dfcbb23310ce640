import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addCharacterReferenceBody,
  characterParams,
  characterPreviewBody,
  characterReferenceParams,
  characterReferenceSchema,
  characterVariationParams,
  characterVariationSchema,
  createVariationBody,
} from '@plume/contract/media/character-schemas';
import { generationSchema } from '@plume/contract/media/generation-schemas';
import { addCharacterReference, removeCharacterReference } from '@plume/core/media/characters/character-references';
import { addCharacterVariation, removeCharacterVariation } from '@plume/core/media/characters/character-variations';
import { startCharacterPreview } from '@plume/core/media/characters/character-preview';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { charactersPath } from './characters.routes.ts';

const tags = ['media'];
const one = `${charactersPath}/:characterId`;

/** A character's reference images (with consent), saved variations and preview generation. */
export async function characterPartRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const userOf = (principal: { kind: string; userId?: string }) =>
    principal.kind === 'user' ? (principal.userId ?? null) : null;

  typed.post(
    `${one}/references`,
    {
      schema: {
        tags,
        summary:
          'Add a library image as a reference (editor). One that shows a real person needs `consentGivenBy` and `consentStatement`; Plume records who entered them and when. 409 when it is already a reference.',
        params: characterParams,
        body: addCharacterReferenceBody,
        response: { 201: characterReferenceSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const reference = await addCharacterReference(context.db, {
        workspaceId: access.workspace.id,
        characterId: request.params.characterId,
        userId: userOf(access.principal),
        body: request.body,
      });
      return reply.status(201).send(reference);
    },
  );

  typed.delete(
    `${one}/references/:referenceId`,
    {
      schema: {
        tags,
        summary: 'Remove a reference image (editor); the image stays in the library',
        params: characterReferenceParams,
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      await removeCharacterReference(context.db, {
        ...request.params,
        workspaceId: access.workspace.id,
      });
      return reply.status(204).send(null);
    },
  );

  typed.post(
    `${one}/variations`,
    {
      schema: {
        tags,
        summary: "Save a variation of the character's look (editor). 409 when the name is taken.",
        params: characterParams,
        body: createVariationBody,
        response: { 201: characterVariationSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const variation = await addCharacterVariation(context.db, {
        workspaceId: access.workspace.id,
        characterId: request.params.characterId,
        body: request.body,
      });
      return reply.status(201).send(variation);
    },
  );

  typed.delete(
    `${one}/variations/:variationId`,
    {
      schema: {
        tags,
        summary: 'Delete a saved variation (editor)',
        params: characterVariationParams,
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      await removeCharacterVariation(context.db, {
        ...request.params,
        workspaceId: access.workspace.id,
      });
      return reply.status(204).send(null);
    },
  );

  typed.post(
    `${one}/preview`,
    {
      schema: {
        tags,
        summary:
          'Generate a preview image of the character or one of its variations (editor): an image job whose result becomes the preview when it succeeds. Follow it like any generation.',
        params: characterParams,
        body: characterPreviewBody,
        response: { 201: generationSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const generation = await startCharacterPreview(context.db, {
        workspaceId: access.workspace.id,
        characterId: request.params.characterId,
        userId: userOf(access.principal),
        body: request.body,
      });
      return reply.status(201).send(generation);
    },
  );
}
