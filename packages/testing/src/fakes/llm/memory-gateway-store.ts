/**
 * The LLM gateway's store in memory, for unit tests of routing, fallback and circuit breaking: the same
 * contract as the PostgreSQL store in packages/core (whose own tests run on a real database), kept in
 * plain maps. Storage behaviour itself (ledger rows, spend totals, cache expiry) is tested on PostgreSQL.
 */
import { NO_LIMITS, type BudgetLimits } from '@plume/llm/gateway/budget';
import {
  periodsOf,
  type CachedAnswer,
  type GatewayStore,
  type PeriodSpend,
  type StoredProvider,
  type UsageRecord,
} from '@plume/llm/gateway/gateway-store';

export type MemoryGatewayStore = GatewayStore & {
  /** Ledger rows in the order written, with the id handed back. */
  ledger: Array<UsageRecord & { id: string; at: Date }>;
  limits: Map<string, BudgetLimits>;
  providers: Map<string, StoredProvider[]>;
};

export function createMemoryGatewayStore(): MemoryGatewayStore {
  const ledger: MemoryGatewayStore['ledger'] = [];
  const limits = new Map<string, BudgetLimits>();
  const providers = new Map<string, StoredProvider[]>();
  const spend = new Map<string, PeriodSpend>();
  const cache = new Map<string, { answer: CachedAnswer; expiresAt: number; hits: number }>();
  const spendOf = (workspaceId: string, period: string) =>
    spend.get(`${workspaceId} ${period}`) ?? { period, costMicros: 0, requests: 0, alerted: [] };

  return {
    ledger,
    limits,
    providers,
    async readBudgetAndCache(workspaceId, keys, at) {
      const { day, month } = periodsOf(at);
      const hits = new Map<string, CachedAnswer>();
      for (const key of keys) {
        const entry = cache.get(key);
        if (entry && entry.expiresAt > at.getTime()) hits.set(key, entry.answer);
      }
      const [daySpend, monthSpend] = [spendOf(workspaceId, day), spendOf(workspaceId, month)];
      return {
        budget: {
          limits: limits.get(workspaceId) ?? NO_LIMITS,
          day: { costMicros: daySpend.costMicros, requests: daySpend.requests },
          month: { costMicros: monthSpend.costMicros, requests: monthSpend.requests },
        },
        hits,
      };
    },
    async recordUsage(record, at, write) {
      const id = `usage_${ledger.length + 1}`;
      ledger.push({ ...record, id, at });
      const totals = Object.values(periodsOf(at)).map((period) => {
        const current = spendOf(record.workspaceId, period);
        const next = {
          ...current,
          costMicros: current.costMicros + record.costMicros,
          requests: current.requests + (record.countsAsRequest ? 1 : 0),
        };
        spend.set(`${record.workspaceId} ${period}`, next);
        return next;
      });
      if (write !== undefined && 'countHitOf' in write) {
        const entry = cache.get(write.countHitOf);
        if (entry) entry.hits += 1;
      } else if (write !== undefined) {
        cache.set(write.store.key, {
          answer: write.store.answer,
          expiresAt: write.store.now.getTime() + write.store.ttlSeconds * 1000,
          hits: 0,
        });
      }
      return { id, spend: totals };
    },
    async claimAlert(workspaceId, period, threshold) {
      const current = spendOf(workspaceId, period);
      if (current.alerted.includes(threshold)) return false;
      spend.set(`${workspaceId} ${period}`, { ...current, alerted: [...current.alerted, threshold] });
      return true;
    },
    async listWorkspaceProviders(workspaceId) {
      return providers.get(workspaceId) ?? [];
    },
  };
}
