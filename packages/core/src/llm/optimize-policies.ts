/**
 * Proposes a routing policy per task from measured statistics: the fastest model whose success rate
 * is at least 95 % and whose quality is within 5 points of the best measured one goes first, the rest
 * of the task's current candidates stay behind it as fallbacks. Saves only when asked to.
 */
import type { Database } from '@plume/db/client';
import { readModelStats, type ModelStats } from './model-stats.ts';
import { defaultPolicy, type RoutingPolicy } from '@plume/llm/gateway/routing';
import { LLM_TASKS, type LlmTask } from '@plume/llm/provider-contract';
import type { AuditActor } from '../audit/record-audit.ts';
import type { LlmServices } from './llm-services.ts';
import { readStoredPolicies, savePolicy } from './manage-llm-settings.ts';
import { STATS_WINDOW_MS } from './plan-model-call.ts';

export const MIN_SUCCESS_RATE = 0.95;
export const QUALITY_MARGIN = 5;
/** Fewer calls than this say too little to move a model to the front. */
export const MIN_CALLS = 3;
const MAX_CANDIDATES = 8;

export type PolicyProposal = {
  task: LlmTask;
  current: RoutingPolicy;
  proposed: RoutingPolicy | null;
  reason: string;
  applied: boolean;
};

export async function optimizePolicies(
  deps: { db: Database; llm: LlmServices },
  input: { workspaceId: string; actor: AuditActor; apply: boolean; now?: Date },
): Promise<PolicyProposal[]> {
  const now = input.now ?? new Date();
  const [stored, entries, stats] = await Promise.all([
    readStoredPolicies(deps.db, input.workspaceId),
    deps.llm.directory.list(input.workspaceId),
    readModelStats(deps.db, { workspaceId: input.workspaceId, since: new Date(now.getTime() - STATS_WINDOW_MS) }),
  ]);
  const proposals: PolicyProposal[] = [];
  for (const task of LLM_TASKS) {
    const current = stored.get(task) ?? defaultPolicy(task, entries);
    const proposal = proposeFor(
      task,
      current,
      stats.filter((row) => row.task === task),
    );
    let applied = false;
    if (input.apply && proposal.proposed) {
      await savePolicy(deps.db, {
        workspaceId: input.workspaceId,
        actor: input.actor,
        task,
        policy: proposal.proposed,
      });
      applied = true;
    }
    proposals.push({ ...proposal, applied });
  }
  return proposals;
}

/** The proposal for one task, or `proposed: null` with the reason nothing should change. */
export function proposeFor(
  task: LlmTask,
  current: RoutingPolicy,
  rows: readonly ModelStats[],
): Omit<PolicyProposal, 'applied'> {
  const measured = rows.filter((row) => row.calls >= MIN_CALLS && row.p50LatencyMs !== null);
  if (measured.length === 0)
    return {
      task,
      current,
      proposed: null,
      reason: `Not enough calls yet (a model needs ${MIN_CALLS} for this task) to propose a change.`,
    };
  const reliable = measured.filter((row) => row.successRate >= MIN_SUCCESS_RATE);
  if (reliable.length === 0)
    return {
      task,
      current,
      proposed: null,
      reason: `No model answered at least ${MIN_SUCCESS_RATE * 100} % of its calls for this task.`,
    };
  const qualities = reliable.map((row) => row.avgQuality).filter((value): value is number => value !== null);
  const best = qualities.length === 0 ? null : Math.max(...qualities);
  const eligible =
    best === null
      ? reliable
      : reliable.filter((row) => row.avgQuality !== null && row.avgQuality >= best - QUALITY_MARGIN);
  const fastest = [...eligible].sort((a, b) => (a.p50LatencyMs ?? Infinity) - (b.p50LatencyMs ?? Infinity))[0];
  if (!fastest) return { task, current, proposed: null, reason: 'No model qualifies.' };
  const first = { provider: fastest.provider, model: fastest.model };
  const rest = current.candidates.filter(
    (candidate) => !(candidate.provider === first.provider && candidate.model === first.model),
  );
  const proposed: RoutingPolicy = { mode: 'fastest', candidates: [first, ...rest].slice(0, MAX_CANDIDATES) };
  const same =
    current.mode === proposed.mode && JSON.stringify(current.candidates) === JSON.stringify(proposed.candidates);
  const quality =
    best === null ? 'no quality scores yet' : `quality ${fastest.avgQuality ?? '?'} against the best ${best}`;
  const why = `${first.provider} (${first.model}) is the fastest reliable model for this task: median ${fastest.p50LatencyMs} ms, ${Math.round(fastest.successRate * 100)} % of ${fastest.calls} calls answered, ${quality}.`;
  return same
    ? { task, current, proposed: null, reason: `${why} The current policy already puts it first.` }
    : { task, current, proposed, reason: why };
}
