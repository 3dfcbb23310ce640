import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  characterParams,
  characterSchema,
  createCharacterBody,
  updateCharacterBody,
} from '@plume/contract/media/character-schemas';
import { itemsOf } from '@plume/contract/wire';
import { readCharacter } from '@plume/core/media/characters/character-views';
import {
  createCharacter,
  deleteCharacter,
  listCharacters,
  updateCharacter,
} from '@plume/core/media/characters/manage-characters';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withIdempotency } from '../../lib/idempotency.ts';
import { principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['media'];
export const charactersPath = '/api/v1/workspaces/:workspaceId/media/characters';

/** Characters: a consistent look and voice for generated media (seed 004 FR-003). */
export async function characterRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    charactersPath,
    {
      schema: {
        tags,
        summary: 'Characters of the workspace, by name, with their references and variations',
        params: workspaceParams,
        response: { 200: itemsOf(characterSchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await listCharacters(context.db, access.workspace.id) };
    },
  );

  typed.post(
    charactersPath,
    {
      schema: {
        tags,
        summary:
          'Create a character (editor). Without a seed one is drawn, so the same prompt keeps giving the same face where providers honour seeds. 409 when the name is taken.',
        params: workspaceParams,
        body: createCharacterBody,
        response: { 201: characterSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return withIdempotency(context, request, reply, principalKey(access.principal), async () => ({
        status: 201,
        body: await createCharacter(context.db, {
          workspaceId: access.workspace.id,
          userId: access.principal.kind === 'user' ? access.principal.userId : null,
          body: request.body,
        }),
      }));
    },
  );

  typed.get(
    `${charactersPath}/:characterId`,
    {
      schema: {
        tags,
        summary: 'One character',
        params: characterParams,
        response: { 200: characterSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return readCharacter(context.db, access.workspace.id, request.params.characterId);
    },
  );

  typed.patch(
    `${charactersPath}/:characterId`,
    {
      schema: {
        tags,
        summary: "Change a character's name, look, style, seed, reference strength or voice (editor)",
        params: characterParams,
        body: updateCharacterBody,
        response: { 200: characterSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return updateCharacter(context.db, {
        workspaceId: access.workspace.id,
        characterId: request.params.characterId,
        body: request.body,
      });
    },
  );

  typed.delete(
    `${charactersPath}/:characterId`,
    {
      schema: {
        tags,
        summary: 'Delete a character with its references and variations (editor); media made with it stay',
        params: characterParams,
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      await deleteCharacter(context.db, access.workspace.id, request.params.characterId);
      return reply.status(204).send(null);
    },
  );
}
