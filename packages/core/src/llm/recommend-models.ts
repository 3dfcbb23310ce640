/**
 * Model recommendations for one task: the order the router would use in each mode, with the
 * measured statistics and estimated cost per call of every candidate, and the mode we recommend
 * with the reason in plain words.
 */
import { LOCAL_PROVIDER_KINDS, type LlmTask } from '@plume/llm/provider-contract';
import { estimateCostMicros, orderCandidates, ROUTING_MODES, type RoutingMode } from '@plume/llm/gateway/routing';
import { shouldDegrade } from '@plume/llm/gateway/budget';
import type { ModelStats } from './model-stats.ts';
import { resolveTaskCandidates, statsLookup, type PlanDeps, type PlanStep } from './plan-model-call.ts';

/** A typical call of the Content studio: a short brief and a post-sized answer. */
export const TYPICAL_CALL = { inputTokens: 600, maxOutputTokens: 512 };

/** A candidate is trusted by a recommendation from this success rate on. */
const RELIABLE_SUCCESS_RATE = 0.95;

export type RecommendedCandidate = {
  provider: string;
  model: string;
  local: boolean;
  estimatedCostMicros: number;
  stats: Pick<
    ModelStats,
    'calls' | 'successRate' | 'p50LatencyMs' | 'p95LatencyMs' | 'avgQuality' | 'costPer1kTokensMicros'
  > | null;
};

export type ModelRecommendation = {
  task: LlmTask;
  currentMode: RoutingMode;
  isDefaultPolicy: boolean;
  byMode: Array<{ mode: RoutingMode; candidates: RecommendedCandidate[] }>;
  unavailable: PlanStep[];
  recommendedMode: RoutingMode;
  reason: string;
};

export async function recommendModels(
  deps: PlanDeps,
  input: { workspaceId: string; task: LlmTask },
): Promise<ModelRecommendation> {
  const resolved = await resolveTaskCandidates(deps, {
    workspaceId: input.workspaceId,
    task: input.task,
    ...TYPICAL_CALL,
  });
  const lookup = statsLookup(resolved.stats);
  const view = (candidate: (typeof resolved.usable)[number]): RecommendedCandidate => {
    const row = lookup(candidate);
    return {
      provider: candidate.provider,
      model: candidate.model,
      local: LOCAL_PROVIDER_KINDS.includes(candidate.kind),
      estimatedCostMicros: estimateCostMicros(candidate, resolved.needs),
      stats: row
        ? {
            calls: row.calls,
            successRate: row.successRate,
            p50LatencyMs: row.p50LatencyMs,
            p95LatencyMs: row.p95LatencyMs,
            avgQuality: row.avgQuality,
            costPer1kTokensMicros: row.costPer1kTokensMicros,
          }
        : null,
    };
  };
  const byMode = ROUTING_MODES.map((mode) => ({
    mode,
    candidates: orderCandidates(mode, resolved.usable, resolved.needs, (candidate) => {
      const row = lookup(candidate);
      return row ? { p50LatencyMs: row.p50LatencyMs, avgQuality: row.avgQuality, calls: row.calls } : undefined;
    }).map(view),
  }));
  const all = byMode[0]?.candidates ?? [];
  const pick = chooseMode(all, shouldDegrade(resolved.budget), resolved.policy.mode);
  return {
    task: input.task,
    currentMode: resolved.policy.mode,
    isDefaultPolicy: resolved.isDefaultPolicy,
    byMode,
    unavailable: resolved.dropped,
    recommendedMode: pick.mode,
    reason: pick.reason,
  };
}

/** The rules, in order: nothing to route → keep; budget tight → cheapest; a reliable local model → local first; measured quality differs → best quality; measured speed → fastest. */
function chooseMode(
  candidates: readonly RecommendedCandidate[],
  degraded: boolean,
  current: RoutingMode,
): { mode: RoutingMode; reason: string } {
  if (candidates.length === 0)
    return {
      mode: current,
      reason:
        'No model can answer this task yet: start Ollama and pull a model, or add a cloud provider key. The mode matters once there is a choice.',
    };
  if (degraded)
    return {
      mode: 'cheapest',
      reason:
        'The budget is past its degrade threshold: the cheapest models should go first until it resets or is raised.',
    };
  const reliable = (candidate: RecommendedCandidate) =>
    candidate.stats === null || candidate.stats.successRate >= RELIABLE_SUCCESS_RATE;
  const local = candidates.find((candidate) => candidate.local && reliable(candidate));
  if (local)
    return {
      mode: 'local_first',
      reason: `${local.provider} (${local.model}) runs on your own machine: it costs nothing and keeps your texts private${local.stats ? `, and it answered ${Math.round(local.stats.successRate * 100)} % of ${local.stats.calls} calls` : ''}. Cloud models stay as the fallback.`,
    };
  const rated = candidates.filter(
    (candidate) => candidate.stats?.avgQuality !== null && candidate.stats?.avgQuality !== undefined,
  );
  if (rated.length >= 2)
    return {
      mode: 'best_quality',
      reason: `${rated.length} models have quality scores for this task; the best-rated one should answer first.`,
    };
  const timed = candidates.filter(
    (candidate) => candidate.stats?.p50LatencyMs !== null && candidate.stats?.p50LatencyMs !== undefined,
  );
  if (timed.length >= 2)
    return {
      mode: 'fastest',
      reason: `${timed.length} models have measured latencies for this task and none is local; the fastest should answer first.`,
    };
  return {
    mode: 'cheapest',
    reason:
      'There are no local models and not enough measurements yet to compare speed or quality: the cheapest model should go first.',
  };
}
