import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createDesign, deleteDesign, findDesign, listDesigns, updateDesign } from '@plume/core/media/templates/designs';
import { previewTemplate, renderDesign } from '@plume/core/media/templates/render-design';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  createDesignBody,
  designParams,
  designSchema,
  previewBody,
  renderDesignResponse,
  templateParams,
  templateSummarySchema,
  updateDesignBody,
} from '@plume/contract/media/design-schemas';
import { TEMPLATE_DEFINITIONS, TEMPLATE_SHAPES } from '@plume/contract/media/template-fields';
import { itemsOf } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['media'];
const templates = TEMPLATE_DEFINITIONS.map((definition) => ({ ...definition, shapes: [...TEMPLATE_SHAPES] }));
const pngSchema = z.string().describe('The PNG image (image/png)');

export async function mediaTemplateRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: context.db, media: context.publishing.media };
  const base = '/api/v1/workspaces/:workspaceId/media';
  const userOf = (principal: { kind: string; userId?: string }) =>
    principal.kind === 'user' ? (principal.userId ?? null) : null;

  typed.get(
    `${base}/templates`,
    {
      schema: {
        tags,
        summary: 'The templates: their fields and shapes',
        params: workspaceParams,
        response: { 200: itemsOf(templateSummarySchema), ...protectedErrors },
      },
    },
    async (request) => {
      await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: templates };
    },
  );

  typed.post(
    `${base}/templates/:templateId/preview`,
    {
      schema: {
        tags,
        summary: 'Render a template as a PNG for the live preview; nothing is saved (editor)',
        params: templateParams,
        body: previewBody,
        produces: ['image/png'],
        response: { 200: pngSchema, ...protectedErrors },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const png = await previewTemplate(deps, access.workspace.id, {
        templateId: request.params.templateId,
        ...request.body,
      });
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'no-store')
        .send(png as unknown as string); // a Buffer is sent as it is, never serialised
    },
  );

  typed.get(
    `${base}/designs`,
    {
      schema: {
        tags,
        summary: 'Saved designs, last changed first',
        params: workspaceParams,
        response: { 200: itemsOf(designSchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await listDesigns(context.db, access.workspace.id) };
    },
  );

  typed.post(
    `${base}/designs`,
    {
      schema: {
        tags,
        summary: 'Save a design (editor)',
        params: workspaceParams,
        body: createDesignBody,
        response: { 201: designSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const design = await createDesign(context.db, access.workspace.id, userOf(access.principal), request.body);
      return reply.status(201).send(design);
    },
  );

  typed.get(
    `${base}/designs/:designId`,
    {
      schema: { tags, summary: 'A design', params: designParams, response: { 200: designSchema, ...protectedErrors } },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return findDesign(context.db, access.workspace.id, request.params.designId);
    },
  );

  typed.patch(
    `${base}/designs/:designId`,
    {
      schema: {
        tags,
        summary: 'Change a design (editor)',
        params: designParams,
        body: updateDesignBody,
        response: { 200: designSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return updateDesign(context.db, access.workspace.id, request.params.designId, request.body);
    },
  );

  typed.delete(
    `${base}/designs/:designId`,
    {
      schema: {
        tags,
        summary: 'Delete a design; its rendered images stay in the vault (editor)',
        params: designParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      await deleteDesign(context.db, access.workspace.id, request.params.designId);
      return reply.status(204).send(null);
    },
  );

  typed.post(
    `${base}/designs/:designId/render`,
    {
      schema: {
        tags,
        summary:
          'Render a design into the vault: one image, or one per carousel slide in order, to attach to a post (editor)',
        params: designParams,
        response: { 201: renderDesignResponse, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const result = await renderDesign(deps, access.workspace.id, userOf(access.principal), request.params.designId);
      return reply.status(201).send(result);
    },
  );
}
