/**
 * What the gateway keeps between calls (budgets, running spend, the usage ledger, cached answers and the
 * workspaces' own providers), as an interface: packages/llm holds no database code. packages/core
 * implements it on PostgreSQL (`core/llm/gateway-store.ts`); tests of pure routing use an in-memory one.
 */
import type { ModelAnswer, ProviderKind } from '../provider-contract.ts';
import type { BudgetView, PeriodSpend } from './budget.ts';

export type { PeriodSpend } from './budget.ts';

/** One candidate the gateway considered and what happened to it (stored with the ledger row). */
export type FallbackStep = { provider: string; model: string; outcome: string; detail?: string };

export type CachedAnswer = Pick<ModelAnswer, 'text' | 'inputTokens' | 'outputTokens' | 'finishReason' | 'model'>;

export type CacheEntry = { key: string; workspaceId: string; answer: CachedAnswer; ttlSeconds: number; now: Date };

export type UsageRecord = {
  workspaceId: string;
  userId?: string | null;
  task: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  firstTokenMs?: number | null;
  costMicros: number;
  priceVersion?: string | null;
  cacheHit: boolean;
  fallbackChain: FallbackStep[];
  outcome: string;
  /** Whether a provider was actually asked: only those calls count against request caps. */
  countsAsRequest: boolean;
};

/** What the ledger row's write also does: count the served cached answer, or store the new answer. */
export type CacheWrite = { countHitOf: string } | { store: CacheEntry };

/** A provider a workspace configured itself; `updatedAt` tells when its adapter must be rebuilt. */
export type StoredProvider = {
  providerId: string;
  kind: ProviderKind;
  baseUrl: string | null;
  apiKeyCiphertext: string | null;
  enabled: boolean;
  updatedAt: Date;
};

export interface GatewayStore {
  /** The workspace's caps and spend, and the live answers among `keys`, in one read: the gateway's one round trip before it calls a model. */
  readBudgetAndCache(
    workspaceId: string,
    keys: readonly string[],
    at: Date,
  ): Promise<{ budget: BudgetView; hits: Map<string, CachedAnswer> }>;
  /** Writes the ledger row and adds it to the period totals (with `cache`, in the same write); returns the row id and the new totals. */
  recordUsage(record: UsageRecord, at: Date, cache?: CacheWrite): Promise<{ id: string; spend: PeriodSpend[] }>;
  /** Marks an alert threshold as announced for a period; true only for the one caller that marked it. */
  claimAlert(workspaceId: string, period: string, threshold: number): Promise<boolean>;
  /** The providers a workspace configured itself (enabled or not). */
  listWorkspaceProviders(workspaceId: string): Promise<StoredProvider[]>;
}

/** `day:2026-12-04` and `month:2026-12`, in UTC: daily caps reset at 00:00 UTC. */
export function periodsOf(at: Date): { day: string; month: string } {
  const iso = at.toISOString();
  return { day: `day:${iso.slice(0, 10)}`, month: `month:${iso.slice(0, 7)}` };
}
