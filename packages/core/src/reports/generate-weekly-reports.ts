/**
 * Builds and stores weekly reports. The weekly job (every hour) calls generateDueWeeklyReports: each
 * workspace whose clock has passed Monday 08:00 gets the report of the previous Monday–Sunday once.
 * The unique (workspace, week) index makes it idempotent across restarts and workers: a second insert
 * waits for the first to commit, then inserts nothing and notifies nobody.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Database, Tx } from '@plume/db/client';
import { weeklyReports } from '@plume/db/schema/reports';
import { workspaces } from '@plume/db/schema/workspaces';
import { startOfWeek } from '@plume/insights/index';
import { notify } from '../notifications/notify.ts';
import { utcToWall } from '../scheduling/zoned-time.ts';
import { buildWeeklyReport } from './build-weekly-report.ts';
import { weekLabel } from './describe-weekly-report.ts';
import { loadWeeklyReportData, type WeekWindow } from './weekly-report-data.ts';

/** The hour (workspace clock, on Monday) from which last week's report is due. */
export const REPORT_HOUR = 8;

/** The last full Monday–Sunday week before `now` in `zone`, and the week before it (DST-safe). */
export function lastFullWeek(now: Date, zone: string): WeekWindow {
  const end = startOfWeek(now, zone);
  const start = startOfWeek(new Date(end.getTime() - 1), zone);
  const previousStart = startOfWeek(new Date(start.getTime() - 1), zone);
  return { previousStart, start, end };
}

/** True once the workspace's clock has passed Monday 08:00 of the current week. */
export function isReportDue(now: Date, zone: string): boolean {
  const wall = utcToWall(zone, now);
  return !(wall.weekday === 1 && wall.hour < REPORT_HOUR);
}

export type SavedReport = { id: string; created: boolean };

/**
 * Builds the report of `week` and stores it; notifies the members (kind weekly_report, mail with the
 * summary) only when this call created it. `refresh` (Generate now) rewrites an existing report's
 * numbers, which later snapshots may have changed.
 */
export async function saveWeeklyReport(
  db: Database,
  input: { workspaceId: string; zone: string; week: WeekWindow; createdBy: string | null; refresh: boolean },
): Promise<SavedReport> {
  return db.transaction(async (tx) => {
    const body = buildWeeklyReport(
      await loadWeeklyReportData(tx, input.workspaceId, input.week),
      input.week,
      input.zone,
    );
    const [inserted] = await tx
      .insert(weeklyReports)
      .values({
        workspaceId: input.workspaceId,
        weekStart: input.week.start,
        timezone: input.zone,
        body,
        createdBy: input.createdBy,
      })
      .onConflictDoNothing()
      .returning({ id: weeklyReports.id });
    if (inserted !== undefined) {
      await notifyReport(tx, input.workspaceId, inserted.id, body.weekStart, body.weekEnd, input.zone, body.summary);
      return { id: inserted.id, created: true };
    }
    const where = and(eq(weeklyReports.workspaceId, input.workspaceId), eq(weeklyReports.weekStart, input.week.start));
    if (input.refresh)
      await tx
        .update(weeklyReports)
        .set({ body, timezone: input.zone, updatedAt: sql`now()` })
        .where(where);
    const [existing] = await tx.select({ id: weeklyReports.id }).from(weeklyReports).where(where);
    if (existing === undefined) throw new Error('weekly report vanished while it was being saved');
    return { id: existing.id, created: false };
  });
}

async function notifyReport(
  tx: Tx,
  workspaceId: string,
  reportId: string,
  weekStart: string,
  weekEnd: string,
  zone: string,
  summary: string,
): Promise<void> {
  await notify(tx, {
    workspaceId,
    kind: 'weekly_report',
    audience: { type: 'members', minimumRole: 'viewer' },
    title: `Weekly report: ${weekLabel(weekStart, weekEnd, zone)}`,
    body: summary,
    link: `/w/${workspaceId}/reports/weekly/${reportId}`,
    dedupeKey: `weekly_report:${workspaceId}:${weekStart}`,
  });
}

/** The weekly job: every workspace past Monday 08:00 on its clock gets last week's report, once. */
export async function generateDueWeeklyReports(db: Database, now: Date): Promise<{ created: number }> {
  const all = await db
    .select({ id: workspaces.id, timezone: workspaces.timezone, createdAt: workspaces.createdAt })
    .from(workspaces);
  const due = all
    .filter((workspace) => isReportDue(now, workspace.timezone))
    .map((workspace) => ({ ...workspace, week: lastFullWeek(now, workspace.timezone) }))
    // A workspace created after the week ended has nothing to report for it: its first report comes a week later.
    .filter((workspace) => workspace.createdAt < workspace.week.end);
  if (due.length === 0) return { created: 0 };
  const earliest = new Date(Math.min(...due.map((workspace) => workspace.week.start.getTime())));
  const existing = await db
    .select({ workspaceId: weeklyReports.workspaceId, weekStart: weeklyReports.weekStart })
    .from(weeklyReports)
    .where(gte(weeklyReports.weekStart, earliest));
  const done = new Set(existing.map((row) => `${row.workspaceId}|${row.weekStart.getTime()}`));
  let created = 0;
  for (const workspace of due) {
    if (done.has(`${workspace.id}|${workspace.week.start.getTime()}`)) continue;
    const saved = await saveWeeklyReport(db, {
      workspaceId: workspace.id,
      zone: workspace.timezone,
      week: workspace.week,
      createdBy: null,
      refresh: false,
    });
    if (saved.created) created += 1;
  }
  return { created };
}
