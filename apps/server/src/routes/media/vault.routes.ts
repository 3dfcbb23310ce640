import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { archiveMedia, MAX_ARCHIVE_ITEMS, readVaultFile } from '@plume/core/media/archive-vault';
import { approveOrReject, deleteMediaItem, deleteMediaItems } from '@plume/core/media/batch-vault';
import { decideMedia, getVaultItemDetail, setMediaTags } from '@plume/core/media/edit-vault-item';
import { duplicateGroups, storageUse } from '@plume/core/media/vault-storage';
import { workspaceParams } from '@plume/contract/common-schemas';
import { mediaParams } from '@plume/contract/media/media-schemas';
import {
  archiveQuery,
  duplicateGroupsSchema,
  storageUseSchema,
  updateTagsBody,
  vaultBatchBody,
  vaultBatchResultSchema,
  vaultItemDetailSchema,
  vaultItemSchema,
} from '@plume/contract/media/vault-schemas';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['media'];

/** Bytes or a stream as they are (the typed reply only knows the JSON answers its schema describes). */
function sendRaw(reply: FastifyReply, payload: Buffer | Readable): FastifyReply {
  return reply.send(payload);
}

/** The vault's item routes: details, tags, approval, delete, batches, the zip, the file, duplicates, storage. */
export async function vaultRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/media';
  const store = () => ({ db: context.db, media: context.publishing.media });

  typed.get(
    `${base}/:mediaId`,
    {
      schema: {
        tags,
        summary: 'One vault item with the posts that use it',
        params: mediaParams,
        response: { 200: vaultItemDetailSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return getVaultItemDetail(context.db, access.workspace.id, request.params.mediaId);
    },
  );

  typed.get(
    `${base}/:mediaId/file`,
    {
      schema: {
        tags,
        summary: "The file's bytes, with its type (previews and single downloads in the web app)",
        params: mediaParams,
        querystring: z.object({ download: z.enum(['true', 'false']).optional() }),
        response: { 200: z.string().describe('The file, as its own media type'), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const file = await readVaultFile(store(), access.workspace.id, request.params.mediaId);
      if (request.query.download === 'true')
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      reply.header('content-type', file.mimeType).header('cache-control', 'private, max-age=3600');
      return sendRaw(reply, Buffer.from(file.bytes));
    },
  );

  typed.put(
    `${base}/:mediaId/tags`,
    {
      schema: {
        tags,
        summary: "Replace an item's tags (editor)",
        params: mediaParams,
        body: updateTagsBody,
        response: { 200: vaultItemSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return setMediaTags(context.db, access.workspace.id, request.params.mediaId, request.body.tags);
    },
  );

  for (const [verb, approval] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const)
    typed.post(
      `${base}/:mediaId/${verb}`,
      {
        schema: {
          tags,
          summary: `${verb === 'approve' ? 'Approve an item for use in posts' : 'Reject an item: posts cannot use it'} (editor)`,
          params: mediaParams,
          response: { 200: vaultItemSchema, ...protectedErrors },
        },
      },
      async (request) => {
        const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
        return decideMedia(context.db, access.workspace.id, request.params.mediaId, approval);
      },
    );

  typed.delete(
    `${base}/:mediaId`,
    {
      schema: {
        tags,
        summary: 'Delete an item and its file (editor); refused while a post waiting to be published uses it',
        params: mediaParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const input = {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        mediaId: request.params.mediaId,
      };
      await deleteMediaItem(store(), input);
      return reply.status(204).send(null);
    },
  );

  typed.post(
    `${base}/batch`,
    {
      schema: {
        tags,
        summary: 'Approve, reject or delete up to 200 items (editor); each item answers for itself',
        params: workspaceParams,
        body: vaultBatchBody,
        response: { 200: vaultBatchResultSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const { action, mediaIds } = request.body;
      if (action === 'delete') {
        const input = { workspaceId: access.workspace.id, actor: actorOf(access.principal), mediaIds };
        return { results: await deleteMediaItems(store(), input) };
      }
      const approval = action === 'approve' ? 'approved' : 'rejected';
      return { results: await approveOrReject(context.db, access.workspace.id, mediaIds, approval) };
    },
  );

  typed.get(
    `${base}/archive`,
    {
      schema: {
        tags,
        summary: `Download up to ${MAX_ARCHIVE_ITEMS} items as one zip, streamed (ids comma-separated)`,
        params: workspaceParams,
        querystring: archiveQuery,
        response: { 200: z.string().describe('application/zip'), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const stream = await archiveMedia(store(), access.workspace.id, request.query.ids.toLowerCase().split(','));
      const name = `plume-media-${new Date().toISOString().slice(0, 10)}.zip`;
      reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${name}"`);
      return sendRaw(reply, stream);
    },
  );

  typed.get(
    `${base}/duplicates`,
    {
      schema: {
        tags,
        summary: 'Files stored more than once (same bytes), the largest waste first',
        params: workspaceParams,
        response: { 200: duplicateGroupsSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { groups: await duplicateGroups(context.db, access.workspace.id) };
    },
  );

  typed.get(
    `${base}/storage`,
    {
      schema: {
        tags,
        summary: "The workspace's storage use: bytes and items, by kind and by source",
        params: workspaceParams,
        response: { 200: storageUseSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return storageUse(context.db, access.workspace.id);
    },
  );
}
