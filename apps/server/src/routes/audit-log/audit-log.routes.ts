import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditEvents } from '@plume/core/audit/list-audit-events';
import type { AppContext } from '../../app-context.ts';
import { paginationQuery, protectedErrors, workspaceParams } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const auditEventSchema = z.object({
  id: z.number(),
  actorId: z.string().nullable(),
  actorType: z.enum(['user', 'api_key', 'system']),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
});

export async function auditLogRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/workspaces/:workspaceId/audit-log', {
    schema: {
      tags: ['audit-log'],
      summary: 'Who changed what, newest first (admin)',
      params: workspaceParams,
      querystring: paginationQuery,
      response: { 200: z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() }), ...protectedErrors },
    },
  }, async (request) => {
    const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
    return listAuditEvents(context.db, { workspaceId: access.workspace.id, ...request.query });
  });
}
