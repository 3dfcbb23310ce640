import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { verifyMediaSignature } from '@plume/core/media/media-store';
import { findMediaFile, MAX_UPLOAD_BYTES, updateMedia } from '@plume/core/media/save-media';
import { listVault } from '@plume/core/media/list-vault';
import { uploadToVault } from '@plume/core/media/upload-vault';
import { AppError } from '@plume/errors/app-error';
import { workspaceParams } from '@plume/contract/common-schemas';
import { mediaParams, mediaSchema, updateMediaBody } from '@plume/contract/media/media-schemas';
import { uploadedSchema, vaultItemSchema, vaultQuery } from '@plume/contract/media/vault-schemas';
import { pageOf } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['media'];

export async function mediaRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/workspaces/:workspaceId/media',
    {
      schema: {
        tags,
        summary:
          'The media vault, newest first: filters (kind, source, approval, used or unused, character, collection, tag, added from/to) and a text search over file name, alt text, AI prompt and tags',
        params: workspaceParams,
        querystring: vaultQuery,
        response: { 200: pageOf(vaultItemSchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const { limit, cursor, ...filters } = request.query;
      return listVault(context.db, access.workspace.id, filters, { limit, cursor });
    },
  );

  typed.post(
    '/api/v1/workspaces/:workspaceId/media',
    {
      schema: {
        tags,
        summary: `Upload an image or video (editor) as multipart/form-data: field \`file\`, optional \`altText\` and \`aiGenerated\` ("true"). Up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. The same bytes again are not stored twice: the answer is then 200 with the item already in the vault and \`duplicate: true\`.`,
        params: workspaceParams,
        consumes: ['multipart/form-data'],
        response: { 200: uploadedSchema, 201: uploadedSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      if (!request.isMultipart())
        throw new AppError('unsupported_media_type', {
          detail: 'Send the file as multipart/form-data in a field named "file".',
        });
      let file: { fileName: string; declaredType: string; bytes: Uint8Array } | undefined;
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || file !== undefined)
            throw AppError.validation('body/file', 'Send exactly one file, in the field "file".');
          const bytes = await part.toBuffer();
          file = { fileName: part.filename, declaredType: part.mimetype, bytes: new Uint8Array(bytes) };
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      if (file === undefined) throw AppError.validation('body/file', 'Attach the file in a field named "file".');
      const altText = fields['altText'];
      if (altText !== undefined && altText.length > 5000)
        throw AppError.validation('body/altText', 'Alt text is at most 5000 characters.');
      const saved = await uploadToVault(
        { db: context.db, media: context.publishing.media },
        {
          workspaceId: access.workspace.id,
          userId: access.principal.kind === 'user' ? access.principal.userId : null,
          ...file,
          ...(altText === undefined ? {} : { altText }),
          aiGenerated: fields['aiGenerated'] === 'true',
        },
      );
      return reply.status(saved.duplicate ? 200 : 201).send(saved);
    },
  );

  typed.patch(
    '/api/v1/workspaces/:workspaceId/media/:mediaId',
    {
      schema: {
        tags,
        summary: 'Set alt text or the AI-generated label (editor)',
        params: mediaParams,
        body: updateMediaBody,
        response: { 200: mediaSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return updateMedia(context.db, access.workspace.id, request.params.mediaId, request.body);
    },
  );

  // Signed, unguessable URL for networks that fetch media themselves (Instagram, Threads, Pinterest…).
  app.get<{ Params: { mediaId: string; signature: string } }>(
    '/media/:mediaId/:signature',
    { schema: { hide: true } },
    async (request, reply) => {
      const { mediaId, signature } = request.params;
      const valid = /^[0-9a-f-]{36}$/.test(mediaId) && verifyMediaSignature(context.keyring, mediaId, signature);
      const file = valid ? await findMediaFile(context.db, mediaId) : undefined;
      if (file === undefined) throw AppError.notFound('media file');
      const bytes = await context.publishing.media.read(file.storageKey);
      return reply
        .header('content-type', file.mimeType)
        .header('cache-control', 'public, max-age=86400')
        .send(Buffer.from(bytes));
    },
  );
}
