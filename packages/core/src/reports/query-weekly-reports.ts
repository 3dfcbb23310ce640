/** Reading stored weekly reports, always within one workspace (an id of another workspace is not found). */
import { and, desc, eq } from 'drizzle-orm';
import type { WeeklyReportBody } from '@plume/contract/reports/weekly-report-schemas';
import type { Database } from '@plume/db/client';
import { weeklyReports } from '@plume/db/schema/reports';
import { AppError } from '@plume/errors/app-error';

export type WeeklyReportRow = {
  id: string;
  workspaceId: string;
  weekStart: Date;
  weekEnd: Date;
  timezone: string;
  empty: boolean;
  summary: string;
  createdAt: Date;
};

/** The newest reports first; a year of weeks at most. */
export const WEEKLY_REPORT_LIST_LIMIT = 53;

const toRow = (row: typeof weeklyReports.$inferSelect): WeeklyReportRow & { body: WeeklyReportBody } => ({
  id: row.id,
  workspaceId: row.workspaceId,
  weekStart: row.weekStart,
  weekEnd: new Date(row.body.weekEnd),
  timezone: row.timezone,
  empty: row.body.empty,
  summary: row.body.summary,
  createdAt: row.createdAt,
  body: row.body,
});

export async function listWeeklyReports(db: Database, workspaceId: string): Promise<WeeklyReportRow[]> {
  const rows = await db
    .select()
    .from(weeklyReports)
    .where(eq(weeklyReports.workspaceId, workspaceId))
    .orderBy(desc(weeklyReports.weekStart))
    .limit(WEEKLY_REPORT_LIST_LIMIT);
  return rows.map((row) => {
    const { body: _body, ...summary } = toRow(row);
    return summary;
  });
}

export async function getWeeklyReport(
  db: Database,
  workspaceId: string,
  reportId: string,
): Promise<WeeklyReportRow & { body: WeeklyReportBody }> {
  const [row] = await db
    .select()
    .from(weeklyReports)
    .where(and(eq(weeklyReports.workspaceId, workspaceId), eq(weeklyReports.id, reportId)));
  if (row === undefined) throw AppError.notFound('weekly report');
  return toRow(row);
}
