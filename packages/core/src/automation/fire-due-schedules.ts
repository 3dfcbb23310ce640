/**
 * The minute sweep of schedule rules: each enabled rule whose `next_run_at` has come gets its event
 * (fireAutomationTrigger, keyed by the rule and the time, so a sweep run twice fires once) and its
 * next time, in the workspace's zone. Missed times while no worker ran fire once, not once each.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { nextCronRun, scheduleData } from './cron-schedule.ts';
import { fireAutomationTrigger } from './fire-trigger.ts';

export async function fireDueSchedules(db: Database, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx.execute<{
      id: string;
      workspace_id: string;
      cron: string;
      next_run_at: Date;
      zone: string;
    }>(sql`
      SELECT r.id, r.workspace_id, r.cron, r.next_run_at, w.timezone AS zone
      FROM automation_rules r JOIN workspaces w ON w.id = r.workspace_id
      WHERE r.enabled AND r.next_run_at IS NOT NULL AND r.next_run_at <= ${now.toISOString()}::timestamptz
      ORDER BY r.next_run_at LIMIT 500
      FOR UPDATE OF r SKIP LOCKED`);
    for (const rule of due.rows) {
      const at = new Date(rule.next_run_at);
      await fireAutomationTrigger(tx, {
        workspaceId: rule.workspace_id,
        trigger: 'schedule',
        data: scheduleData(at, rule.zone),
        ruleId: rule.id,
        dedupeKey: `schedule:${rule.id}:${at.toISOString()}`,
      });
      const next = nextCronRun(rule.cron, rule.zone, now);
      await tx.execute(
        sql`UPDATE automation_rules SET next_run_at = ${next?.toISOString() ?? null}::timestamptz WHERE id = ${rule.id}`,
      );
    }
    return due.rows.length;
  });
}
