/**
 * The steps every gateway (text and media) takes around one candidate: may it be asked now (budget,
 * circuit breaker), what its failure means for its breaker, and the ledger row with the budget alerts
 * it may set off. Kept here so the LLM gateway and the media gateway apply the same rules.
 */
import { LlmProviderError } from '../provider-contract.ts';
import {
  crossedThresholds,
  moneyCapBlocks,
  type BudgetLimits,
  type BudgetView,
  type CrossedThreshold,
} from './budget.ts';
import type { CircuitBreakers } from './circuit-breaker.ts';
import type { CacheWrite, FallbackStep, GatewayStore, UsageRecord } from './gateway-store.ts';

export type BudgetAlert = CrossedThreshold & { workspaceId: string };

/** Failures that say nothing about the provider's health, so they do not count towards its breaker. */
const NOT_PROVIDER_FAULTS = new Set([
  'model_not_found',
  'context_overflow',
  'bad_request',
  'content_filter',
  'cancelled',
]);

/**
 * Why a candidate is skipped before it is asked — its estimate would take a money cap over, or its
 * circuit is open — as the chain step to record, or null when it may be asked (the breaker's half-open
 * trial slot is taken then).
 */
export function gateCandidate(input: {
  candidate: { provider: string; model: string };
  breakerKey: string;
  estimateMicros: number;
  budget: BudgetView;
  breakers: CircuitBreakers;
}): FallbackStep | null {
  const { candidate, breakers } = input;
  const blocked = moneyCapBlocks(input.budget, input.estimateMicros);
  if (blocked)
    return { provider: candidate.provider, model: candidate.model, outcome: 'budget_skipped', detail: blocked };
  if (!breakers.tryAcquire(input.breakerKey)) {
    const retryAt = breakers.view(input.breakerKey).retryAt;
    return {
      provider: candidate.provider,
      model: candidate.model,
      outcome: 'circuit_open',
      detail: `skipped after repeated failures until ${new Date(retryAt ?? 0).toISOString()}`,
    };
  }
  return null;
}

/**
 * Types whatever a provider threw and tells its breaker: provider faults count (a 429's Retry-After
 * opens it at once); the caller's faults and refusals close it again.
 */
export function noteFailure(
  error: unknown,
  input: { providerId: string; breakerKey: string; breakers: CircuitBreakers },
): LlmProviderError {
  const failure =
    error instanceof LlmProviderError
      ? error
      : new LlmProviderError({
          kind: 'server_error',
          providerId: input.providerId,
          message: error instanceof Error ? error.message : String(error),
          cause: error,
        });
  if (NOT_PROVIDER_FAULTS.has(failure.kind)) input.breakers.recordSuccess(input.breakerKey);
  else
    input.breakers.recordFailure(input.breakerKey, failure.kind === 'rate_limited' ? failure.retryAfterMs : undefined);
  return failure;
}

export type LedgerDeps = {
  store: Pick<GatewayStore, 'recordUsage' | 'claimAlert'>;
  onBudgetAlert?: ((alert: BudgetAlert) => Promise<void>) | undefined;
};

/**
 * Writes one ledger row (with its cache write, when given) and, for a paid call under a money cap,
 * announces each alert threshold it crossed once per period. Returns the row's id.
 */
export async function writeLedger(
  deps: LedgerDeps,
  record: UsageRecord,
  at: Date,
  limits: BudgetLimits | null,
  cache?: CacheWrite,
): Promise<string> {
  const written = await deps.store.recordUsage(record, at, cache);
  if (limits && record.costMicros > 0) {
    for (const crossed of crossedThresholds(limits, written.spend)) {
      if (await deps.store.claimAlert(record.workspaceId, crossed.period, crossed.threshold))
        await deps.onBudgetAlert?.({ ...crossed, workspaceId: record.workspaceId });
    }
  }
  return written.id;
}
