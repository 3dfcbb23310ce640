/**
 * The LLM gateway: every model call in Plume goes through `generate`. It picks candidates by the
 * task's routing policy, checks the budget before calling, answers identical requests from the
 * cache, falls back on the failures a next candidate can fix, keeps a circuit breaker per provider,
 * and writes one ledger row per call with its cost and the chain it tried.
 */
import type { LlmTask, ModelAnswer, ModelCall } from '../provider-contract.ts';
import { requestCapReached, shouldDegrade, type BudgetLimits } from './budget.ts';
import { gateCandidate, noteFailure, writeLedger, type BudgetAlert } from './attempt.ts';
import { createModelListCache, resolveCandidates, type CallableCandidate, type ProviderEntry } from './candidates.ts';
import { createCircuitBreakers, type CircuitBreakers } from './circuit-breaker.ts';
import { describeFailure, LlmGatewayError } from './gateway-error.ts';
import { costMicros, priceOf } from './price-table.ts';
import type { CacheWrite, CachedAnswer, FallbackStep, GatewayStore, UsageRecord } from './gateway-store.ts';
import { cacheKey } from './response-cache.ts';
import { createPolicyMemo } from './policy-memo.ts';
import {
  defaultPolicy,
  estimateCostMicros,
  estimateTokens,
  filterCapable,
  orderCandidates,
  WEB_SEARCH_TASKS,
  type ModelStatsView,
  type RoutingPolicy,
} from './routing.ts';

export type { BudgetAlert } from './attempt.ts';

export interface GatewayDeps {
  /** Budgets, spend, ledger and cache (PostgreSQL in production: `core/llm/gateway-store.ts`). */
  store: Pick<GatewayStore, 'readBudgetAndCache' | 'recordUsage' | 'claimAlert'>;
  /** The providers a workspace can reach: the instance's and its own. */
  providers(workspaceId: string): Promise<ProviderEntry[]>;
  /** The workspace's policy for a task, or null for the built-in default. */
  policy?(workspaceId: string, task: LlmTask): Promise<RoutingPolicy | null>;
  /** How long a workspace's stored policy is remembered (default 2 s; 0: read on every call). */
  policyTtlMs?: number;
  /** Measured statistics for the `fastest` and `best_quality` modes. */
  stats?(workspaceId: string): Promise<(candidate: { provider: string; model: string }) => ModelStatsView | undefined>;
  onBudgetAlert?(alert: BudgetAlert): Promise<void>;
  cacheTtlSeconds: number;
  breakers?: CircuitBreakers;
  now?: () => Date;
}

export type GenerateRequest = {
  workspaceId: string;
  userId?: string | null;
  task: LlmTask;
  call: Omit<ModelCall, 'model'>;
  /** false: always ask a model (variants that must differ, "regenerate"). */
  cache?: boolean;
  /** Overrides the stored policy (the Models page's "try this model"). */
  policy?: RoutingPolicy;
};

export type GenerateResult = Pick<ModelAnswer, 'text' | 'inputTokens' | 'outputTokens' | 'finishReason'> & {
  provider: string;
  model: string;
  latencyMs: number;
  firstTokenMs: number;
  costMicros: number;
  cacheHit: boolean;
  chain: FallbackStep[];
  usageId: string;
};

/** Output tokens assumed for the budget estimate when the call sets no maximum. */
const DEFAULT_MAX_OUTPUT = 1024;

export function createLlmGateway(deps: GatewayDeps) {
  const breakers = deps.breakers ?? createCircuitBreakers();
  const listModels = createModelListCache();
  const now = deps.now ?? (() => new Date());
  const policies = createPolicyMemo(deps.policy?.bind(deps), deps.policyTtlMs, () => now().getTime());

  async function ledger(
    request: GenerateRequest,
    fields: Omit<UsageRecord, 'workspaceId' | 'userId' | 'task'>,
    at: Date,
    limits: BudgetLimits | null,
    cache?: CacheWrite,
  ) {
    const record = { workspaceId: request.workspaceId, userId: request.userId ?? null, task: request.task, ...fields };
    return writeLedger(deps, record, at, limits, cache);
  }

  async function generate(request: GenerateRequest): Promise<GenerateResult> {
    const startedAt = now();
    const entries = await deps.providers(request.workspaceId);
    const policy =
      request.policy ??
      (await policies.read(request.workspaceId, request.task)) ??
      defaultPolicy(request.task, entries);
    const promptText = [request.call.system ?? '', ...request.call.messages.map((message) => message.content)].join(
      '\n',
    );
    const needs = {
      estimatedInputTokens: estimateTokens(promptText),
      maxOutputTokens: request.call.maxOutputTokens ?? DEFAULT_MAX_OUTPUT,
      webSearch: WEB_SEARCH_TASKS.includes(request.task),
    };
    const chain: FallbackStep[] = [];
    const { callable, unresolved } = await resolveCandidates(policy.candidates, entries, listModels);
    for (const item of unresolved)
      chain.push({ provider: item.provider, model: item.model, outcome: item.outcome, detail: item.detail });
    const { usable, excluded } = filterCapable(callable, needs);
    for (const item of excluded)
      chain.push({ provider: item.provider, model: item.model, outcome: 'not_capable', detail: item.reason });

    // The budget and the cache are read together: one round trip.
    const useCache = request.cache !== false && deps.cacheTtlSeconds > 0;
    const keyOf = new Map(
      useCache
        ? usable.map(
            (candidate) =>
              [
                candidate,
                cacheKey(request.workspaceId, candidate.provider, candidate.model, {
                  ...request.call,
                  model: candidate.model,
                }),
              ] as const,
          )
        : [],
    );
    const { budget, hits } = await deps.store.readBudgetAndCache(request.workspaceId, [...keyOf.values()], startedAt);
    const refuse = async (
      code: 'budget_exceeded' | 'no_provider' | 'all_failed',
      message: string,
      countsAsRequest: boolean,
    ): Promise<never> => {
      await ledger(
        request,
        {
          provider: '',
          model: '',
          inputTokens: 0,
          outputTokens: 0,
          latencyMs: now().getTime() - startedAt.getTime(),
          costMicros: 0,
          cacheHit: false,
          fallbackChain: chain,
          outcome: code === 'budget_exceeded' ? code : (chain.at(-1)?.outcome ?? code),
          countsAsRequest,
        },
        startedAt,
        null,
      );
      throw new LlmGatewayError(code, message, chain);
    };

    const mode = shouldDegrade(budget) ? 'cheapest' : policy.mode;
    const stats = mode === 'fastest' || mode === 'best_quality' ? await deps.stats?.(request.workspaceId) : undefined;
    const ordered = orderCandidates(mode, usable, needs, stats ?? (() => undefined));

    // A cached answer costs nothing and asks no model, so it is served even when a cap is reached.
    const hit = ordered.find((candidate) => hits.has(keyOf.get(candidate) ?? ''));
    if (hit) {
      const hitKey = keyOf.get(hit) as string;
      const answer = hits.get(hitKey) as CachedAnswer;
      const latencyMs = now().getTime() - startedAt.getTime();
      chain.push({ provider: hit.provider, model: hit.model, outcome: 'cache_hit' });
      const usageId = await ledger(
        request,
        {
          provider: hit.provider,
          model: hit.model,
          inputTokens: answer.inputTokens,
          outputTokens: answer.outputTokens,
          latencyMs,
          firstTokenMs: latencyMs,
          costMicros: 0,
          cacheHit: true,
          fallbackChain: chain,
          outcome: 'ok',
          countsAsRequest: false,
        },
        startedAt,
        null,
        { countHitOf: hitKey },
      );
      return {
        ...answer,
        provider: hit.provider,
        model: hit.model,
        latencyMs,
        firstTokenMs: latencyMs,
        costMicros: 0,
        cacheHit: true,
        chain,
        usageId,
      };
    }
    const capReached = requestCapReached(budget);
    if (capReached) return refuse('budget_exceeded', `No model was asked: ${capReached}.`, false);

    let asked = false;
    let budgetBlocked = false;
    for (const candidate of ordered) {
      const skipped = gateCandidate({
        candidate,
        breakerKey: candidate.entry.breakerKey,
        estimateMicros: estimateCostMicros(candidate, needs),
        budget,
        breakers,
      });
      if (skipped) {
        budgetBlocked ||= skipped.outcome === 'budget_skipped';
        chain.push(skipped);
        continue;
      }
      asked = true;
      try {
        const numCtx = numCtxFor(candidate, request.call, needs);
        const answer = await candidate.entry.provider.generate({
          ...request.call,
          model: candidate.model,
          ...(numCtx === undefined ? {} : { numCtx }),
        });
        breakers.recordSuccess(candidate.entry.breakerKey);
        const price = priceOf(candidate.kind, candidate.model);
        const cost = costMicros(price.price, answer);
        chain.push({ provider: candidate.provider, model: candidate.model, outcome: 'ok' });
        const cacheable = useCache && answer.finishReason !== 'length';
        // The cache entry is written with the ledger row.
        const entry: CacheWrite | undefined = cacheable
          ? {
              store: {
                key: keyOf.get(candidate) as string,
                workspaceId: request.workspaceId,
                answer: {
                  text: answer.text,
                  inputTokens: answer.inputTokens,
                  outputTokens: answer.outputTokens,
                  finishReason: answer.finishReason,
                  model: answer.model,
                },
                ttlSeconds: deps.cacheTtlSeconds,
                now: startedAt,
              },
            }
          : undefined;
        const usageId = await ledger(
          request,
          {
            provider: candidate.provider,
            model: answer.model || candidate.model,
            inputTokens: answer.inputTokens,
            outputTokens: answer.outputTokens,
            latencyMs: answer.latencyMs,
            firstTokenMs: answer.firstTokenMs,
            costMicros: cost,
            priceVersion: price.version,
            cacheHit: false,
            fallbackChain: chain,
            outcome: 'ok',
            countsAsRequest: true,
          },
          startedAt,
          budget.limits,
          entry,
        );
        return {
          text: answer.text,
          inputTokens: answer.inputTokens,
          outputTokens: answer.outputTokens,
          finishReason: answer.finishReason,
          provider: candidate.provider,
          model: candidate.model,
          latencyMs: answer.latencyMs,
          firstTokenMs: answer.firstTokenMs,
          costMicros: cost,
          cacheHit: false,
          chain,
          usageId,
        };
      } catch (error) {
        const failure = noteFailure(error, {
          providerId: candidate.provider,
          breakerKey: candidate.entry.breakerKey,
          breakers,
        });
        chain.push({
          provider: candidate.provider,
          model: candidate.model,
          outcome: failure.kind,
          detail: failure.message,
        });
        if (!failure.fallback) return refuse('all_failed', failure.message, true);
      }
    }
    if (!asked && budgetBlocked)
      return refuse(
        'budget_exceeded',
        'No model was asked: every available model would go over the budget and no local model could answer. Raise the budget or start Ollama.',
        false,
      );
    return refuse(ordered.length === 0 && !asked ? 'no_provider' : 'all_failed', describeFailure(chain), asked);
  }

  return { generate, breakers, forgetPolicy: (workspaceId: string) => policies.forget(workspaceId) };
}

export type LlmGateway = ReturnType<typeof createLlmGateway>;

/** Ollama gets a context window that fits the prompt and answer (at least 8k), within what the model takes. */
function numCtxFor(
  candidate: CallableCandidate,
  call: GenerateRequest['call'],
  needs: { estimatedInputTokens: number; maxOutputTokens: number },
): number | undefined {
  if (candidate.kind !== 'ollama') return undefined;
  if (call.numCtx !== undefined) return call.numCtx;
  let numCtx = 8192;
  while (numCtx < needs.estimatedInputTokens + needs.maxOutputTokens) numCtx *= 2;
  return candidate.contextWindow === undefined ? numCtx : Math.min(numCtx, candidate.contextWindow);
}
