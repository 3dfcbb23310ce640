/**
 * The Execution agent as a run: one stored step per week (`week:<monday>`), no model call. A week
 * done is read back on resume, never redone; a cancel stops the run before the next week.
 */
import { executionWeekSchema } from '@plume/contract/agents/execution-output';
import type { AgentRunOutput } from '@plume/contract/agents/agent-outputs';
import type { NetworkRuntime } from '../../social/network-runtime.ts';
import { findPlan } from '../../planning/plans/plan-store.ts';
import type { RunContext } from '../runner.ts';
import { executeWeek } from './execute-week.ts';
import { executionInputSchema } from './execution-input.ts';

export type ExecutionServices = { runtime: NetworkRuntime };

export async function runExecution(context: RunContext, services: ExecutionServices): Promise<AgentRunOutput> {
  const input = executionInputSchema.parse(context.run.input);
  const plan = await findPlan(context.db, context.run.workspaceId, input.planId);
  const deps = { db: context.db, runtime: services.runtime };
  const weeks = [];
  for (const week of input.weeks)
    weeks.push(
      await context.step(`week:${week}`, executionWeekSchema, async () => ({
        result: await executeWeek(deps, { plan, week, runId: context.run.id, trigger: input.trigger, now: new Date() }),
      })),
    );
  return { execution: { planId: plan.id, weeks } };
}
