import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listAuditEvents } from '@plume/core/audit/list-audit-events';
import { auditEventSchema } from '@plume/contract/audit/audit-schemas';
import { paginationQuery, workspaceParams } from '@plume/contract/common-schemas';
import { pageOf } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

export async function auditLogRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/workspaces/:workspaceId/audit-log',
    {
      schema: {
        tags: ['audit-log'],
        summary: 'Who changed what, newest first (admin)',
        params: workspaceParams,
        querystring: paginationQuery,
        response: { 200: pageOf(auditEventSchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return listAuditEvents(context.db, { workspaceId: access.workspace.id, ...request.query });
    },
  );
}
