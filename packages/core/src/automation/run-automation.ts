/**
 * The `run_automation` job: one event against the workspace's enabled rules for its trigger. A rule
 * whose conditions hold gets a run (claim-run.ts decides loops and limits), then its actions
 * (perform-actions.ts), then the run's outcome and duration. At least once: a job cut short after
 * an action but before the run was finished leaves it `running` and does not repeat it.
 */
import { and, eq } from 'drizzle-orm';
import { matchesConditions } from '@plume/contract/automation/rule-checks';
import { automationEvents, automationRules, automationRuns } from '@plume/db/schema/automation';
import type { AutomationServices } from './automation-services.ts';
import { claimRun } from './claim-run.ts';
import { workspaceZone } from './manage-rules.ts';
import { performActions } from './perform-actions.ts';

export type EventOutcome = { ran: number; skipped: number; unmatched: number };

export async function runAutomationEvent(services: AutomationServices, eventId: string): Promise<EventOutcome> {
  const { db } = services;
  const outcome: EventOutcome = { ran: 0, skipped: 0, unmatched: 0 };
  const [event] = await db.select().from(automationEvents).where(eq(automationEvents.id, eventId));
  if (event === undefined) return outcome;
  const chain = await chainOf(services, event.causedByRunId);
  const rules = await db
    .select()
    .from(automationRules)
    .where(
      and(
        eq(automationRules.workspaceId, event.workspaceId),
        eq(automationRules.triggerType, event.triggerType),
        eq(automationRules.enabled, true),
        event.ruleId === null ? undefined : eq(automationRules.id, event.ruleId),
      ),
    );
  const zone = await workspaceZone(db, event.workspaceId);
  for (const rule of rules) {
    if (!matchesConditions(rule.conditions, event.data)) {
      outcome.unmatched += 1;
      continue;
    }
    const claim = await claimRun(db, { rule, event, chain, limits: services.limits });
    if (claim === null) continue;
    if (claim.status === 'skipped') {
      outcome.skipped += 1;
      continue;
    }
    const started = performance.now();
    const results = await performActions(
      services,
      { workspaceId: event.workspaceId, zone, rule, runId: claim.runId, trigger: event.triggerType, data: event.data },
      rule.actions,
    );
    await db
      .update(automationRuns)
      .set({
        status: results.every((result) => result.ok) ? 'succeeded' : 'failed',
        results,
        finishedAt: new Date(),
        durationMs: Math.round(performance.now() - started),
      })
      .where(eq(automationRuns.id, claim.runId));
    outcome.ran += 1;
  }
  return outcome;
}

/** The rules whose runs led to an event: the causing run's chain (it ends with that run's rule). */
async function chainOf(services: AutomationServices, runId: string | null): Promise<string[]> {
  if (runId === null) return [];
  const [run] = await services.db
    .select({ chain: automationRuns.chain })
    .from(automationRuns)
    .where(eq(automationRuns.id, runId));
  return run?.chain ?? [];
}
