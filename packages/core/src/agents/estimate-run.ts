/**
 * A run's cost, estimated before it starts from its prompts' sizes and the price table, with the
 * gateway's own routing dry run (`planModelCall`). Over the budget, the run is refused (402) unless a
 * local model can do the work: then it is degraded to local models, as the gateway would for each call.
 * A malformed answer's retry is not in the estimate (it would at most double that step).
 */
import { moneyCapBlocks, requestCapReached } from '@plume/llm/gateway/budget';
import { AppError } from '@plume/errors/app-error';
import type { LlmTask } from '@plume/llm/provider-contract';
import { estimateRequestCosts, planModelCall, type PlanDeps } from '../llm/plan-model-call.ts';
import { readBudget } from '../llm/read-budget.ts';
import { promptTokensOf, type ModelPrompt } from './model-step.ts';

/** `times`: the same call made that many times (a month's drafts), priced once. */
export type PlannedCall = { task: LlmTask; prompt: ModelPrompt; times?: number };

export type RunEstimate = {
  estimateMicros: number;
  /** Null: routing as usual; else the local models the run is limited to. */
  localCandidates: Array<{ provider: string; model: string }> | null;
};

const usd = (micros: number) => `$${(micros / 1e6).toFixed(4)}`;

export async function estimateRun(
  deps: PlanDeps,
  input: { workspaceId: string; calls: readonly PlannedCall[] },
): Promise<RunEstimate> {
  const sizes = input.calls.map((call) => ({
    workspaceId: input.workspaceId,
    task: call.task,
    inputTokens: promptTokensOf(call.prompt),
    maxOutputTokens: call.prompt.maxOutputTokens,
  }));
  const plans = await Promise.all(sizes.map((size) => planModelCall(deps, size)));
  const budget = await readBudget(deps.db, input.workspaceId, deps.now?.() ?? new Date());
  const capReached = requestCapReached(budget);
  if (capReached) throw new AppError('llm_budget_exceeded', { detail: `The run was not started: ${capReached}.` });
  const total = plans.reduce(
    (sum, plan, index) => sum + (plan.selected?.estimatedCostMicros ?? 0) * (input.calls[index]?.times ?? 1),
    0,
  );
  const unplanned = plans.find((plan) => plan.selected === null);
  const overBudget = moneyCapBlocks(budget, total);
  if (unplanned === undefined && overBudget === null) return { estimateMicros: total, localCandidates: null };

  // Over the budget (or a call no paid model may take): local models only, if every call has one.
  const locals = await Promise.all(sizes.map((size) => estimateRequestCosts(deps, size)));
  const localOf = locals.map((item) => item.costs.filter((cost) => cost.local));
  if (localOf.every((costs) => costs.length > 0)) {
    const candidates = new Map(localOf.flat().map((cost) => [`${cost.provider} ${cost.model}`, cost]));
    return {
      estimateMicros: 0,
      localCandidates: [...candidates.values()].map((cost) => ({ provider: cost.provider, model: cost.model })),
    };
  }
  const budgetSkipped = unplanned?.steps.some((step) => step.outcome === 'budget_skipped') ?? false;
  if (overBudget !== null || budgetSkipped)
    throw new AppError('llm_budget_exceeded', {
      detail: `The run was not started: it is estimated at ${usd(total)} and ${overBudget ?? unplanned?.reason ?? 'no model fits the budget'}. No local model can do it instead: raise the budget or start Ollama.`,
    });
  throw new AppError('llm_unavailable', {
    detail: `The run was not started: ${unplanned?.reason ?? 'no model can answer'}`,
  });
}
