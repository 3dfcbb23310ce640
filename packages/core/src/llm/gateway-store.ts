/**
 * The LLM gateway's store on PostgreSQL (the interface is `@plume/llm/gateway/gateway-store`): budgets and
 * cache read in one prepared statement, the ledger row with its spend and cache write in another, alert
 * claims, and the workspace's own providers.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { llmProviders } from '@plume/db/schema/llm';
import type { GatewayStore } from '@plume/llm/gateway/gateway-store';
import type { ProviderKind } from '@plume/llm/provider-contract';
import { readBudgetAndCache } from './read-budget.ts';
import { claimAlert, recordUsage } from './record-usage.ts';

export function createGatewayStore(db: Database): GatewayStore {
  return {
    readBudgetAndCache: (workspaceId, keys, at) => readBudgetAndCache(db, workspaceId, keys, at),
    recordUsage: (record, at, cache) => recordUsage(db, record, at, cache),
    claimAlert: (workspaceId, period, threshold) => claimAlert(db, workspaceId, period, threshold),
    async listWorkspaceProviders(workspaceId) {
      const { providerId, kind, baseUrl, apiKeyCiphertext, enabled, updatedAt } = llmProviders;
      const rows = await db
        .select({ providerId, kind, baseUrl, apiKeyCiphertext, enabled, updatedAt })
        .from(llmProviders)
        .where(and(eq(llmProviders.workspaceId, workspaceId), eq(llmProviders.purpose, 'text')));
      return rows.map((row) => ({ ...row, kind: row.kind as ProviderKind }));
    },
  };
}
