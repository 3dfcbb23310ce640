/**
 * Dry runs of the gateway's routing: which candidates a call would go to, in which order, and why
 * the first one would be asked — with the same capability, budget and circuit checks the gateway
 * makes, but without calling any model. Also the estimated cost of a request on each candidate.
 */
import type { Database } from '@plume/db/client';
import { moneyCapBlocks, requestCapReached, shouldDegrade, type BudgetView } from '@plume/llm/gateway/budget';
import { readBudget } from './read-budget.ts';
import { createModelListCache, resolveCandidates, type CallableCandidate } from '@plume/llm/gateway/candidates';
import { readModelStats, type ModelStats } from './model-stats.ts';
import { priceOf } from '@plume/llm/gateway/price-table';
import {
  defaultPolicy,
  estimateCostMicros,
  filterCapable,
  orderCandidates,
  WEB_SEARCH_TASKS,
  type CallNeeds,
  type RoutingMode,
  type RoutingPolicy,
} from '@plume/llm/gateway/routing';
import type { LlmTask } from '@plume/llm/provider-contract';
import type { LlmServices } from './llm-services.ts';
import { readStoredPolicy } from './manage-llm-settings.ts';

export type PlanDeps = { db: Database; llm: LlmServices; now?: () => Date };

/** Statistics are read over this window for the `fastest` and `best_quality` orders. */
export const STATS_WINDOW_MS = 30 * 86_400_000;

export type PlanStep = {
  provider: string;
  model: string;
  outcome: string;
  detail?: string;
  estimatedCostMicros?: number;
};

export type TaskCandidates = {
  policy: RoutingPolicy;
  isDefaultPolicy: boolean;
  needs: CallNeeds;
  usable: CallableCandidate[];
  /** Candidates that cannot serve the call, with the reason. */
  dropped: PlanStep[];
  budget: BudgetView;
  stats: ModelStats[];
};

/** What routing knows before ordering: the policy, the callable candidates, the budget and the task's statistics. */
export async function resolveTaskCandidates(
  deps: PlanDeps,
  input: { workspaceId: string; task: LlmTask; inputTokens: number; maxOutputTokens: number; policy?: RoutingPolicy },
): Promise<TaskCandidates> {
  const now = deps.now?.() ?? new Date();
  const entries = await deps.llm.directory.list(input.workspaceId);
  const stored = input.policy ?? (await readStoredPolicy(deps.db, input.workspaceId, input.task));
  const policy = stored ?? defaultPolicy(input.task, entries);
  const needs: CallNeeds = {
    estimatedInputTokens: input.inputTokens,
    maxOutputTokens: input.maxOutputTokens,
    webSearch: WEB_SEARCH_TASKS.includes(input.task),
  };
  const [{ callable, unresolved }, budget, stats] = await Promise.all([
    resolveCandidates(policy.candidates, entries, createModelListCache()),
    readBudget(deps.db, input.workspaceId, now),
    readModelStats(deps.db, {
      workspaceId: input.workspaceId,
      since: new Date(now.getTime() - STATS_WINDOW_MS),
      task: input.task,
    }),
  ]);
  const { usable, excluded } = filterCapable(callable, needs);
  const dropped: PlanStep[] = [
    ...unresolved.map((item) => ({
      provider: item.provider,
      model: item.model,
      outcome: item.outcome,
      detail: item.detail,
    })),
    ...excluded.map((item) => ({
      provider: item.provider,
      model: item.model,
      outcome: 'not_capable',
      detail: item.reason,
    })),
  ];
  return { policy, isDefaultPolicy: stored === null, needs, usable, dropped, budget, stats };
}

/** Looks a candidate up in the task's statistics (the ledger names the model that answered). */
export function statsLookup(stats: readonly ModelStats[]) {
  return (candidate: { provider: string; model: string }) =>
    stats.find((row) => row.provider === candidate.provider && row.model === candidate.model);
}

export type CallPlan = {
  task: LlmTask;
  mode: RoutingMode;
  degraded: boolean;
  steps: PlanStep[];
  selected: { provider: string; model: string; estimatedCostMicros: number } | null;
  reason: string;
};

/** The gateway's choice for a call, step by step, without asking a model. */
export async function planModelCall(
  deps: PlanDeps,
  input: { workspaceId: string; task: LlmTask; inputTokens: number; maxOutputTokens: number; mode?: RoutingMode },
): Promise<CallPlan> {
  const resolved = await resolveTaskCandidates(deps, input);
  const degraded = shouldDegrade(resolved.budget);
  const mode = degraded ? 'cheapest' : (input.mode ?? resolved.policy.mode);
  const lookup = statsLookup(resolved.stats);
  const ordered = orderCandidates(mode, resolved.usable, resolved.needs, (candidate) => {
    const row = lookup(candidate);
    return row === undefined
      ? undefined
      : { p50LatencyMs: row.p50LatencyMs, avgQuality: row.avgQuality, calls: row.calls };
  });
  const steps: PlanStep[] = [...resolved.dropped];
  const capReached = requestCapReached(resolved.budget);
  let selected: CallPlan['selected'] = null;
  for (const candidate of ordered) {
    const estimatedCostMicros = estimateCostMicros(candidate, resolved.needs);
    const base = { provider: candidate.provider, model: candidate.model, estimatedCostMicros };
    const blocked = capReached ?? moneyCapBlocks(resolved.budget, estimatedCostMicros);
    const circuit = deps.llm.gateway.breakers.view(candidate.entry.breakerKey);
    if (blocked) steps.push({ ...base, outcome: 'budget_skipped', detail: blocked });
    else if (circuit.state === 'open')
      steps.push({
        ...base,
        outcome: 'circuit_open',
        detail: `skipped after repeated failures until ${new Date(circuit.retryAt ?? 0).toISOString()}`,
      });
    else if (selected === null) {
      selected = base;
      steps.push({ ...base, outcome: 'would_ask' });
    } else steps.push({ ...base, outcome: 'fallback' });
  }
  return { task: input.task, mode, degraded, steps, selected, reason: explainPlan(mode, degraded, selected, steps) };
}

function explainPlan(
  mode: RoutingMode,
  degraded: boolean,
  selected: CallPlan['selected'],
  steps: readonly PlanStep[],
): string {
  if (selected === null) {
    if (steps.length === 0)
      return 'No model provider is set up: start Ollama and pull a model, or add a cloud provider key.';
    return `No model would be asked: ${steps.map((step) => `${step.provider}${step.model ? ` (${step.model})` : ''}: ${step.detail ?? step.outcome}`).join('; ')}.`;
  }
  const skipped = steps.filter((step) => step.outcome !== 'would_ask' && step.outcome !== 'fallback').length;
  const order: Record<RoutingMode, string> = {
    local_first: 'local models come first',
    cheapest: 'the cheapest estimate comes first',
    fastest: 'the lowest measured median latency comes first',
    best_quality: 'the best measured quality comes first (unmeasured models by price)',
  };
  const cost =
    selected.estimatedCostMicros === 0 ? 'at no cost' : `for about $${(selected.estimatedCostMicros / 1e6).toFixed(4)}`;
  return `${selected.provider} (${selected.model}) would answer ${cost}: in ${mode.replaceAll('_', ' ')} mode ${order[mode]}${degraded ? ' (the budget is past its degrade threshold, so the cheapest go first)' : ''}${skipped > 0 ? `; ${skipped} candidate(s) skipped` : ''}.`;
}

export type CandidateCost = {
  provider: string;
  model: string;
  local: boolean;
  priceVersion: string;
  estimatedCostMicros: number;
  budgetBlocked: string | null;
};

/** The estimated cost of one request on every candidate that can serve it, cheapest first. */
export async function estimateRequestCosts(
  deps: PlanDeps,
  input: { workspaceId: string; task: LlmTask; inputTokens: number; maxOutputTokens: number },
): Promise<{ costs: CandidateCost[]; dropped: PlanStep[] }> {
  const resolved = await resolveTaskCandidates(deps, input);
  const costs = resolved.usable.map((candidate) => {
    const estimatedCostMicros = estimateCostMicros(candidate, resolved.needs);
    const price = priceOf(candidate.kind, candidate.model);
    return {
      provider: candidate.provider,
      model: candidate.model,
      local: price.version === 'local',
      priceVersion: price.version,
      estimatedCostMicros,
      budgetBlocked: moneyCapBlocks(resolved.budget, estimatedCostMicros),
    };
  });
  return { costs: costs.sort((a, b) => a.estimatedCostMicros - b.estimatedCostMicros), dropped: resolved.dropped };
}
