import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { listItems, type ListBody } from '../../lib/list-items.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import type { BudgetView, CostAnalysis, InstalledModel, OllamaVersion, PolicyView, ProviderStatus, UsageRow } from './llm-types.ts';

/** `/workspaces/:id/llm` — the base of the workspace's model settings. */
export function llmPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/llm`;
}

/** Query keys under one root so a save can refresh the whole page. */
export const llmKey = (workspaceId: string) => ['workspaces', workspaceId, 'llm'] as const;
export const ollamaKey = ['ollama'] as const;

/** Providers with their health: each is called (5 s at most), so the list says reachable or not. */
export function providersQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...llmKey(workspaceId), 'providers'],
    queryFn: async () => listItems(await api.get<ListBody<ProviderStatus>>(`${llmPath(workspaceId)}/providers?check=true`)),
  });
}

export function policiesQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...llmKey(workspaceId), 'policies'],
    queryFn: async () => listItems(await api.get<ListBody<PolicyView>>(`${llmPath(workspaceId)}/policies`)),
  });
}

export function budgetQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...llmKey(workspaceId), 'budget'],
    queryFn: () => api.get<BudgetView>(`${llmPath(workspaceId)}/budget`),
  });
}

export function usageQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...llmKey(workspaceId), 'usage'],
    queryFn: async () => listItems(await api.get<ListBody<UsageRow>>(`${llmPath(workspaceId)}/usage-statistics`)),
  });
}

export function costPerDayQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...llmKey(workspaceId), 'cost', 'day'],
    queryFn: () => api.get<CostAnalysis>(`${llmPath(workspaceId)}/cost-analysis?groupBy=day`),
  });
}

export const ollamaVersionQueryOptions = queryOptions({
  queryKey: [...ollamaKey, 'version'],
  queryFn: () => api.get<OllamaVersion>('/ollama/version'),
});

export const installedModelsQueryOptions = queryOptions({
  queryKey: [...ollamaKey, 'models'],
  queryFn: async () => listItems(await api.get<ListBody<InstalledModel>>('/ollama/models/available')),
});
