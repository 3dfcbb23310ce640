import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  addToCollection,
  createCollection,
  deleteCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
} from '@plume/core/media/media-collections';
import { workspaceParams } from '@plume/contract/common-schemas';
import { itemsOf } from '@plume/contract/wire';
import {
  collectionBody,
  collectionItemParams,
  collectionItemsBody,
  collectionParams,
  collectionSchema,
} from '@plume/contract/media/vault-schemas';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['media'];

/** Collections of vault items: list, create, rename, delete, add items, remove an item. */
export async function mediaCollectionRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/media-collections';

  typed.get(
    base,
    {
      schema: {
        tags,
        summary: 'The collections, by name, with how many items each holds',
        params: workspaceParams,
        response: { 200: itemsOf(collectionSchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await listCollections(context.db, access.workspace.id) };
    },
  );

  typed.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a collection (editor)',
        params: workspaceParams,
        body: collectionBody,
        response: { 201: collectionSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return reply.status(201).send(await createCollection(context.db, access.workspace.id, request.body.name));
    },
  );

  typed.patch(
    `${base}/:collectionId`,
    {
      schema: {
        tags,
        summary: 'Rename a collection (editor)',
        params: collectionParams,
        body: collectionBody,
        response: { 200: collectionSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return renameCollection(context.db, access.workspace.id, request.params.collectionId, request.body.name);
    },
  );

  typed.delete(
    `${base}/:collectionId`,
    {
      schema: {
        tags,
        summary: 'Delete a collection (editor); its items stay in the vault',
        params: collectionParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      await deleteCollection(context.db, access.workspace.id, request.params.collectionId);
      return reply.status(204).send(null);
    },
  );

  typed.post(
    `${base}/:collectionId/items`,
    {
      schema: {
        tags,
        summary: 'Add items to a collection (editor); items already in it stay once',
        params: collectionParams,
        body: collectionItemsBody,
        response: { 200: collectionSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const { collectionId } = request.params;
      return addToCollection(context.db, access.workspace.id, collectionId, request.body.mediaIds);
    },
  );

  typed.delete(
    `${base}/:collectionId/items/:mediaId`,
    {
      schema: {
        tags,
        summary: 'Take an item out of a collection (editor); it stays in the vault',
        params: collectionItemParams,
        response: { 200: collectionSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const { collectionId, mediaId } = request.params;
      return removeFromCollection(context.db, access.workspace.id, collectionId, mediaId);
    },
  );
}
