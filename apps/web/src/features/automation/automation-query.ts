import { queryOptions } from '@tanstack/react-query';
import { ruleSchema, runPageSchema } from '@plume/contract/automation/automation-schemas';
import { itemsOf } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

const ruleList = itemsOf(ruleSchema);

export const rulesPath = (workspaceId: string) => `${workspacePath(workspaceId)}/automation/rules`;

/** A workspace's automation rules, newest first. */
export function rulesQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'automation', 'rules'],
    queryFn: async () => (await api.get(rulesPath(workspaceId), ruleList)).items,
  });
}

/** The latest runs of one rule, newest first. */
export function runsQueryOptions(workspaceId: string, ruleId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'automation', 'rules', ruleId, 'runs'],
    queryFn: () => api.get(`${rulesPath(workspaceId)}/${encodeURIComponent(ruleId)}/runs?limit=20`, runPageSchema),
  });
}
