/**
 * How events reach automation rules: `fireAutomationTrigger` writes the event and its `run_automation`
 * job in the caller's transaction, so a rule runs exactly when the change it reacts to committed.
 * Workspaces without an enabled rule for the trigger cost one index probe and store nothing.
 * (Post events take the same path through a trigger on `post_events`, migration automation_post_events.)
 */
import { sql } from 'drizzle-orm';
import type { AutomationTrigger } from '@plume/contract/automation/automation-triggers';
import type { Database } from '@plume/db/client';

export const RUN_AUTOMATION_JOB = 'run_automation';

export type FireInput = {
  workspaceId: string;
  trigger: AutomationTrigger;
  /** The trigger's data: the fields of TRIGGER_FIELDS, plus ids the actions use (postId, itemId, …). */
  data: Record<string, unknown>;
  /** The rule run whose action caused this event (loop protection), when a rule did. */
  causedBy?: { runId: string } | undefined;
  /** The same key twice in a workspace is one event (a producer that runs again). */
  dedupeKey?: string | undefined;
  /** A schedule's event is for its one rule. */
  ruleId?: string | undefined;
};

/**
 * @returns the event's id, or null when no enabled rule listens (or the dedupe key was seen).
 * @example await fireAutomationTrigger(tx, { workspaceId, trigger: 'inbox.item_created', data: { itemId, network, kind, text } })
 */
export async function fireAutomationTrigger(tx: Pick<Database, 'execute'>, input: FireInput): Promise<string | null> {
  const ruleFilter = input.ruleId === undefined ? sql`true` : sql`r.id = ${input.ruleId}::uuid`;
  const result = await tx.execute<{ id: string }>(sql`
    WITH event AS (
      INSERT INTO automation_events (workspace_id, trigger_type, data, rule_id, caused_by_run_id, dedupe_key)
      SELECT ${input.workspaceId}, ${input.trigger}, ${JSON.stringify(input.data)}::jsonb, ${input.ruleId ?? null}::uuid,
        ${input.causedBy?.runId ?? null}::uuid, ${input.dedupeKey ?? null}
      WHERE EXISTS (
        SELECT 1 FROM automation_rules r
        WHERE r.workspace_id = ${input.workspaceId} AND r.enabled AND r.trigger_type = ${input.trigger} AND ${ruleFilter})
      ON CONFLICT DO NOTHING
      RETURNING id
    )
    SELECT id, graphile_worker.add_job(${RUN_AUTOMATION_JOB}, json_build_object('eventId', id),
      max_attempts => 5, job_key => 'automation:' || id) IS NOT NULL AS queued
    FROM event`);
  return result.rows[0]?.id ?? null;
}
