/**
 * Which models a call may go to, in which order. A policy (per workspace and task, or the built-in
 * default) lists candidates and a mode; the router drops candidates that lack a capability the call
 * needs and orders the rest by the mode, using measured model statistics where the mode asks for them.
 */
import type { LlmTask, ProviderKind } from '../provider-contract.ts';
import { LOCAL_PROVIDER_KINDS } from '../provider-contract.ts';
import { costMicros, priceOf } from './price-table.ts';

export const ROUTING_MODES = ['local_first', 'fastest', 'cheapest', 'best_quality'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

export type Candidate = { provider: string; model: string };
export type RoutingPolicy = { mode: RoutingMode; candidates: Candidate[] };

/** A candidate with what the router knows of it. */
export type ResolvedCandidate = Candidate & {
  kind: ProviderKind;
  /** Tokens the model accepts (prompt + answer), when known. */
  contextWindow?: number;
};

export type CallNeeds = { estimatedInputTokens: number; maxOutputTokens: number; webSearch: boolean };

export type ModelStatsView = { p50LatencyMs: number | null; avgQuality: number | null; calls: number };

/** `ollama` with this model name means "the default model if installed, else the first installed one". */
export const AUTO_MODEL = 'auto';

/** The cloud model each provider kind falls back to when a policy does not name one. */
export const DEFAULT_MODELS: Record<ProviderKind, string> = {
  ollama: AUTO_MODEL,
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-haiku-latest',
  groq: 'llama-3.1-8b-instant',
  perplexity: 'sonar',
  meta: 'Llama-3.3-70B-Instruct',
  openai_compatible: AUTO_MODEL,
};

/** Tasks that need fresh facts from the web go to a search-grounded model. */
export const WEB_SEARCH_TASKS: readonly LlmTask[] = ['research'];

const WEB_SEARCH_KINDS: readonly ProviderKind[] = ['perplexity'];

/** Order of cloud providers in the built-in policy: fast and cheap first. */
const CLOUD_ORDER: readonly ProviderKind[] = ['groq', 'openai', 'anthropic', 'meta', 'perplexity'];

/**
 * The built-in policy for a task: every available provider with its default model, local first.
 * `available` lists the providers this workspace can reach (instance config + its own keys).
 */
export function defaultPolicy(task: LlmTask, available: readonly { id: string; kind: ProviderKind }[]): RoutingPolicy {
  const rank = (kind: ProviderKind) => (LOCAL_PROVIDER_KINDS.includes(kind) ? -1 : CLOUD_ORDER.indexOf(kind));
  const sorted = [...available].sort((a, b) => rank(a.kind) - rank(b.kind));
  if (WEB_SEARCH_TASKS.includes(task))
    sorted.sort((a, b) => Number(WEB_SEARCH_KINDS.includes(b.kind)) - Number(WEB_SEARCH_KINDS.includes(a.kind)));
  return {
    mode: WEB_SEARCH_TASKS.includes(task) ? 'best_quality' : 'local_first',
    candidates: sorted.map((provider) => ({ provider: provider.id, model: DEFAULT_MODELS[provider.kind] })),
  };
}

export type Exclusion = Candidate & { reason: string };

/** Drops candidates that cannot serve the call; says why for each, so the fallback chain can show it. */
export function filterCapable<T extends ResolvedCandidate>(
  candidates: readonly T[],
  needs: CallNeeds,
): { usable: T[]; excluded: Exclusion[] } {
  const usable: T[] = [];
  const excluded: Exclusion[] = [];
  for (const candidate of candidates) {
    const needed = needs.estimatedInputTokens + needs.maxOutputTokens;
    if (candidate.contextWindow !== undefined && needed > candidate.contextWindow) {
      excluded.push({
        provider: candidate.provider,
        model: candidate.model,
        reason: `needs about ${needed} tokens; the model takes ${candidate.contextWindow}`,
      });
    } else if (needs.webSearch && !WEB_SEARCH_KINDS.includes(candidate.kind)) {
      excluded.push({
        provider: candidate.provider,
        model: candidate.model,
        reason: 'this task needs a model that searches the web',
      });
    } else {
      usable.push(candidate);
    }
  }
  return { usable, excluded };
}

/** What a call would cost on a candidate, in micro-dollars, from the estimate. */
export function estimateCostMicros(candidate: ResolvedCandidate, needs: CallNeeds): number {
  return costMicros(priceOf(candidate.kind, candidate.model).price, {
    inputTokens: needs.estimatedInputTokens,
    outputTokens: needs.maxOutputTokens,
  });
}

/**
 * Orders candidates by the mode. Sorting is stable, so ties keep the policy's order; a model without
 * statistics yet sorts after measured ones for `fastest` and `best_quality`.
 */
export function orderCandidates<T extends ResolvedCandidate>(
  mode: RoutingMode,
  candidates: readonly T[],
  needs: CallNeeds,
  stats: (candidate: Candidate) => ModelStatsView | undefined,
): T[] {
  const list = [...candidates];
  const isLocal = (candidate: ResolvedCandidate) => LOCAL_PROVIDER_KINDS.includes(candidate.kind);
  switch (mode) {
    case 'local_first':
      return list.sort((a, b) => Number(isLocal(b)) - Number(isLocal(a)));
    case 'cheapest':
      return list.sort((a, b) => estimateCostMicros(a, needs) - estimateCostMicros(b, needs));
    case 'fastest':
      return list.sort(
        (a, b) =>
          (stats(a)?.p50LatencyMs ?? Number.POSITIVE_INFINITY) - (stats(b)?.p50LatencyMs ?? Number.POSITIVE_INFINITY),
      );
    case 'best_quality':
      // Measured quality first; unmeasured models by price, the market's own guess at quality.
      return list.sort((a, b) => {
        const qa = stats(a)?.avgQuality ?? null;
        const qb = stats(b)?.avgQuality ?? null;
        if (qa !== null && qb !== null) return qb - qa;
        if (qa !== null) return -1;
        if (qb !== null) return 1;
        return estimateCostMicros(b, needs) - estimateCostMicros(a, needs);
      });
  }
}

/** The router's rule of thumb: about four characters a token in English. */
export const CHARS_PER_TOKEN = 4;

/** Rough token count of `chars` characters of prompt, for budgets and context checks. */
export function estimateTokensOfChars(chars: number): number {
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

/** Rough token count of a text, for budgets and context checks. */
export function estimateTokens(text: string): number {
  return estimateTokensOfChars(text.length);
}
