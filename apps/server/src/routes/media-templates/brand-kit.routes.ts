import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getBrandKit, updateBrandKit } from '@plume/core/media/templates/brand-kit';
import { deleteBrandFont, listBrandFonts, uploadBrandFont } from '@plume/core/media/templates/brand-fonts';
import { AppError } from '@plume/errors/app-error';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  brandFontParams,
  brandFontSchema,
  brandKitSchema,
  MAX_FONT_BYTES,
  updateBrandKitBody,
} from '@plume/contract/media/brand-kit-schemas';
import { itemsOf } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['media'];
const familySchema = z.string().trim().min(1).max(100);

type FontForm = { file?: { fileName: string; bytes: Uint8Array }; fields: Record<string, string> };

async function readFontForm(request: FastifyRequest): Promise<FontForm> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', {
      detail: 'Send the font as multipart/form-data in a field named "file".',
    });
  const form: FontForm = { fields: {} };
  for await (const part of request.parts({ limits: { fileSize: MAX_FONT_BYTES + 1 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || form.file !== undefined)
        throw AppError.validation('body/file', 'Send exactly one file, in the field "file".');
      form.file = { fileName: part.filename, bytes: new Uint8Array(await part.toBuffer()) };
    } else if (typeof part.value === 'string') {
      form.fields[part.fieldname] = part.value;
    }
  }
  return form;
}

function fontFields(fields: Record<string, string>): { family: string; weight: number; style: 'normal' | 'italic' } {
  const family = familySchema.safeParse(fields['family'] ?? '');
  if (!family.success) throw AppError.validation('body/family', 'Name the font family (1 to 100 characters).');
  const weight = Number(fields['weight'] ?? '400');
  if (!Number.isInteger(weight) || weight < 100 || weight > 900 || weight % 100 !== 0)
    throw AppError.validation('body/weight', 'A weight is 100, 200 … 900.');
  const style = fields['style'] ?? 'normal';
  if (style !== 'normal' && style !== 'italic')
    throw AppError.validation('body/style', 'A style is "normal" or "italic".');
  return { family: family.data, weight, style };
}

export async function brandKitRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: context.db, media: context.publishing.media };
  const base = '/api/v1/workspaces/:workspaceId/brand-kit';

  typed.get(
    base,
    {
      schema: {
        tags,
        summary: 'The brand kit (defaults until saved)',
        params: workspaceParams,
        response: { 200: brandKitSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return getBrandKit(context.db, access.workspace.id);
    },
  );

  typed.put(
    base,
    {
      schema: {
        tags,
        summary: 'Save the brand kit: colours, heading and body fonts, layout, logo (editor)',
        params: workspaceParams,
        body: updateBrandKitBody,
        response: { 200: brandKitSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return updateBrandKit(context.db, access.workspace.id, request.body);
    },
  );

  typed.get(
    `${base}/fonts`,
    {
      schema: {
        tags,
        summary: 'Uploaded brand fonts',
        params: workspaceParams,
        response: { 200: itemsOf(brandFontSchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await listBrandFonts(context.db, access.workspace.id) };
    },
  );

  typed.post(
    `${base}/fonts`,
    {
      schema: {
        tags,
        summary:
          'Upload a font (editor) as multipart/form-data: `file` (TTF, OTF or WOFF), `family`, optional `weight` and `style`',
        params: workspaceParams,
        consumes: ['multipart/form-data'],
        response: { 201: brandFontSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const form = await readFontForm(request);
      if (form.file === undefined) throw AppError.validation('body/file', 'Attach the font in a field named "file".');
      const font = await uploadBrandFont(deps, {
        workspaceId: access.workspace.id,
        ...form.file,
        ...fontFields(form.fields),
      });
      return reply.status(201).send(font);
    },
  );

  typed.delete(
    `${base}/fonts/:fontId`,
    {
      schema: {
        tags,
        summary: 'Delete an uploaded font (editor)',
        params: brandFontParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      await deleteBrandFont(deps, access.workspace.id, request.params.fontId);
      return reply.status(204).send(null);
    },
  );
}
