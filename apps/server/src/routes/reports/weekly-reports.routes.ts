import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { lastFullWeek, saveWeeklyReport } from '@plume/core/reports/generate-weekly-reports';
import { getWeeklyReport, listWeeklyReports } from '@plume/core/reports/query-weekly-reports';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  weeklyReportListSchema,
  weeklyReportParams,
  weeklyReportSchema,
} from '@plume/contract/reports/weekly-report-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['reports'];

export async function weeklyReportRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/reports/weekly';

  typed.get(
    base,
    {
      schema: {
        tags,
        summary:
          "The workspace's weekly reports, newest first (a year at most). One is built every Monday from 08:00 on the workspace's clock for the Monday–Sunday before.",
        params: workspaceParams,
        response: { 200: weeklyReportListSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await listWeeklyReports(context.db, access.workspace.id) };
    },
  );

  typed.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Generate now (admin): builds the report of the last full Monday–Sunday week in the workspace zone. 201 with the new report (members are notified); 200 when it existed: its numbers are rebuilt from the latest readings and nobody is notified again.',
        params: workspaceParams,
        response: { 200: weeklyReportSchema, 201: weeklyReportSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const zone = access.workspace.timezone;
      const saved = await saveWeeklyReport(context.db, {
        workspaceId: access.workspace.id,
        zone,
        week: lastFullWeek(new Date(), zone),
        createdBy: access.principal.kind === 'user' ? access.principal.userId : null,
        refresh: true,
      });
      const report = await getWeeklyReport(context.db, access.workspace.id, saved.id);
      return reply.status(saved.created ? 201 : 200).send(report);
    },
  );

  typed.get(
    `${base}/:reportId`,
    {
      schema: {
        tags,
        summary: 'One weekly report with its numbers (dates are instants; `body.timezone` is the zone of its week)',
        params: weeklyReportParams,
        response: { 200: weeklyReportSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return getWeeklyReport(context.db, access.workspace.id, request.params.reportId);
    },
  );
}
