import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteTemplateOverride, listTemplates, putTemplateOverride } from '@plume/core/content/template-store';
import { workspaceParams } from '@plume/contract/common-schemas';
import { templateBody, templateParams, templateSchema } from '@plume/contract/content/content-schemas';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['content'];

export async function contentTemplateRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/workspaces/:workspaceId/content-templates',
    {
      schema: {
        tags,
        summary:
          "Content templates (viewer): the built-ins, each replaced by the workspace's own version where it has one (`isOverridden`)",
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(templateSchema) }), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await listTemplates(context.db, access.workspace.id) };
    },
  );

  typed.put(
    '/api/v1/workspaces/:workspaceId/content-templates/:contentType',
    {
      schema: {
        tags,
        summary:
          "Change a built-in template for this workspace (admin). Only the fields sent replace the built-in's; the skeleton may use only Plume's {{placeholders}}.",
        params: templateParams,
        body: templateBody,
        response: { 200: templateSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const override = { ...request.body, contentType: request.params.contentType };
      return withFieldPrefix('body', () =>
        putTemplateOverride(context.db, {
          workspaceId: access.workspace.id,
          actor: actorOf(access.principal),
          override,
        }),
      );
    },
  );

  typed.delete(
    '/api/v1/workspaces/:workspaceId/content-templates/:contentType',
    {
      schema: {
        tags,
        summary: 'Go back to the built-in template (admin)',
        params: templateParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await deleteTemplateOverride(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        contentType: request.params.contentType,
      });
      return reply.status(204).send(null);
    },
  );
}
