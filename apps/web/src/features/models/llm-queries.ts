import { queryOptions } from '@tanstack/react-query';
import { costResponse, usageResponse } from '@plume/contract/llm/llm-insight-schemas';
import { providersResponse } from '@plume/contract/llm/llm-provider-schemas';
import { budgetResponse, policiesResponse } from '@plume/contract/llm/llm-settings-schemas';
import { availableResponse, versionResponse } from '@plume/contract/ollama/ollama-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

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
    queryFn: async () => (await api.get(`${llmPath(workspaceId)}/providers?check=true`, providersResponse)).items,
  });
}

export function policiesQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...llmKey(workspaceId), 'policies'],
    queryFn: async () => (await api.get(`${llmPath(workspaceId)}/policies`, policiesResponse)).items,
  });
}

export function budgetQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...llmKey(workspaceId), 'budget'],
    queryFn: () => api.get(`${llmPath(workspaceId)}/budget`, budgetResponse),
  });
}

export function usageQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...llmKey(workspaceId), 'usage'],
    queryFn: async () => (await api.get(`${llmPath(workspaceId)}/usage-statistics`, usageResponse)).items,
  });
}

export function costPerDayQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...llmKey(workspaceId), 'cost', 'day'],
    queryFn: () => api.get(`${llmPath(workspaceId)}/cost-analysis?groupBy=day`, costResponse),
  });
}

export const ollamaVersionQueryOptions = queryOptions({
  queryKey: [...ollamaKey, 'version'],
  queryFn: () => api.get('/ollama/version', versionResponse),
});

export const installedModelsQueryOptions = queryOptions({
  queryKey: [...ollamaKey, 'models'],
  queryFn: async () => (await api.get('/ollama/models/available', availableResponse)).items,
});
