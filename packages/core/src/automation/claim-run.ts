/**
 * Before a rule runs: loop protection and limits, decided under a per-workspace lock so two workers
 * cannot both take the last run of an hour. The run row is written here — `running`, or `skipped`
 * with the reason — once per rule and event (a job run again finds it and does nothing).
 */
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '@plume/db/client';
import { automationRules, automationRuns } from '@plume/db/schema/automation';
import { notify } from '../notifications/notify.ts';
import type { AutomationLimits } from './automation-services.ts';
import type { RuleRow } from './manage-rules.ts';

export type EventRow = {
  id: string;
  workspaceId: string;
  triggerType: RuleRow['triggerType'];
  data: Record<string, unknown>;
};

export type Claim = { runId: string; status: 'running' | 'skipped' } | null;

type Counts = { ruleMinute: number; ruleHour: number; workspaceHour: number; actionsDay: number };

async function countsOf(tx: Tx, rule: RuleRow): Promise<Counts> {
  const result = await tx.execute<{
    rule_minute: number;
    rule_hour: number;
    workspace_hour: number;
    actions_day: number;
  }>(sql`
    SELECT
      count(*) FILTER (WHERE rule_id = ${rule.id} AND started_at > now() - interval '1 minute')::int AS rule_minute,
      count(*) FILTER (WHERE rule_id = ${rule.id} AND started_at > now() - interval '1 hour')::int AS rule_hour,
      count(*) FILTER (WHERE started_at > now() - interval '1 hour')::int AS workspace_hour,
      coalesce(sum(action_count), 0)::int AS actions_day
    FROM automation_runs
    WHERE workspace_id = ${rule.workspaceId} AND status <> 'skipped' AND started_at > now() - interval '1 day'`);
  const row = result.rows[0]!;
  return {
    ruleMinute: row.rule_minute,
    ruleHour: row.rule_hour,
    workspaceHour: row.workspace_hour,
    actionsDay: row.actions_day,
  };
}

/** Why this rule must not run for this event (loop protection, then limits), or null. */
function skipReason(rule: RuleRow, chain: readonly string[], counts: Counts, limits: AutomationLimits): string | null {
  if (chain.includes(rule.id))
    return 'Loop protection: this event came from this rule’s own actions (directly or through other rules).';
  if (chain.length >= limits.maxChainDepth)
    return `Loop protection: ${chain.length} rules already led to this event; chains stop at ${limits.maxChainDepth}.`;
  if (counts.ruleHour >= limits.ruleRunsPerHour)
    return `Limit: this rule already ran ${counts.ruleHour} times in the last hour (at most ${limits.ruleRunsPerHour}).`;
  if (counts.workspaceHour >= limits.runsPerHour)
    return `Limit: the workspace’s rules already ran ${counts.workspaceHour} times in the last hour (at most ${limits.runsPerHour}).`;
  if (counts.actionsDay + rule.actions.length > limits.actionsPerDay)
    return `Limit: the workspace’s rules already took ${counts.actionsDay} actions in the last 24 hours (at most ${limits.actionsPerDay}).`;
  return null;
}

export async function claimRun(
  db: Database,
  input: { rule: RuleRow; event: EventRow; chain: readonly string[]; limits: AutomationLimits },
): Promise<Claim> {
  const { rule, event, limits } = input;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`automation:${rule.workspaceId}`}))`);
    const counts = await countsOf(tx, rule);
    let reason = skipReason(rule, input.chain, counts, limits);
    if (reason === null && counts.ruleMinute >= limits.ruleBurstPerMinute) {
      reason = `Turned off: the rule fired ${counts.ruleMinute} times within a minute (at most ${limits.ruleBurstPerMinute}).`;
      await pauseRule(tx, rule, reason);
    }
    const [run] = await tx
      .insert(automationRuns)
      .values({
        workspaceId: rule.workspaceId,
        ruleId: rule.id,
        eventId: event.id,
        triggerType: event.triggerType,
        status: reason === null ? 'running' : 'skipped',
        skipReason: reason,
        input: event.data,
        actionCount: reason === null ? rule.actions.length : 0,
        chain: [...input.chain, rule.id],
        finishedAt: reason === null ? null : new Date(),
        durationMs: reason === null ? null : 0,
      })
      .onConflictDoNothing()
      .returning({ id: automationRuns.id, status: automationRuns.status });
    if (run === undefined) return null;
    if (run.status === 'running')
      await tx
        .update(automationRules)
        .set({ lastRunAt: new Date(), runCount: sql`${automationRules.runCount} + 1` })
        .where(sql`${automationRules.id} = ${rule.id}`);
    return { runId: run.id, status: run.status === 'running' ? 'running' : 'skipped' };
  });
}

async function pauseRule(tx: Tx, rule: RuleRow, reason: string): Promise<void> {
  await tx
    .update(automationRules)
    .set({ enabled: false, pausedReason: reason, nextRunAt: null, updatedAt: new Date() })
    .where(sql`${automationRules.id} = ${rule.id}`);
  await notify(tx, {
    workspaceId: rule.workspaceId,
    kind: 'automation',
    audience: { type: 'managers' },
    title: `The rule “${rule.name}” was turned off`,
    body: `${reason} That usually means rules set each other off. Check its run history, change it and turn it on again.`,
    link: `/w/${rule.workspaceId}/automation`,
    dedupeKey: `automation_paused:${rule.id}:${rule.updatedAt.toISOString()}`,
  });
}
