import { queryOptions } from '@tanstack/react-query';
import { industryTemplateSchema, templateSummarySchema } from '@plume/contract/planning/template-schemas';
import { strategyResponse, templateCopyResponse } from '@plume/contract/planning/strategy-schemas';
import { itemsOf } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

export const strategyPath = (workspaceId: string) => `${workspacePath(workspaceId)}/strategy`;
export const onboardingPath = (workspaceId: string) => `${workspacePath(workspaceId)}/onboarding`;

export const strategyQueryKey = (workspaceId: string) => ['workspaces', workspaceId, 'strategy'] as const;

/** The workspace's strategy (null before onboarding) with the seasonal dates ahead. */
export function strategyQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: strategyQueryKey(workspaceId),
    queryFn: () => api.get(strategyPath(workspaceId), strategyResponse),
  });
}

/** The industry templates to choose from, by name. */
export const templatesQueryOptions = queryOptions({
  queryKey: ['industry-templates'],
  queryFn: () => api.get('/industry-templates', itemsOf(templateSummarySchema)),
  staleTime: Infinity,
});

/** One template in full (pillars, cadence, calls to action…), to prefill the wizard. */
export function templateQueryOptions(templateId: string) {
  return queryOptions({
    queryKey: ['industry-templates', templateId],
    queryFn: () => api.get(`/industry-templates/${templateId}`, industryTemplateSchema),
    staleTime: Infinity,
  });
}

export const templateCopyPath = (workspaceId: string) => `${strategyPath(workspaceId)}/template`;

/** The workspace's own copy of its industry template, or null before one is chosen. */
export function templateCopyQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'strategy-template'],
    queryFn: () => api.get(templateCopyPath(workspaceId), templateCopyResponse),
  });
}
