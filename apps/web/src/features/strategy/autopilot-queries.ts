import { queryOptions } from '@tanstack/react-query';
import { autopilotSettingsSchema } from '@plume/contract/planning/autopilot-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

export const autopilotPath = (workspaceId: string) => `${workspacePath(workspaceId)}/autopilot`;
export const autopilotQueryKey = (workspaceId: string) => ['workspaces', workspaceId, 'autopilot'] as const;

/** The workspace's autopilot level, guardrails and pause. */
export function autopilotQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: autopilotQueryKey(workspaceId),
    queryFn: () => api.get(autopilotPath(workspaceId), autopilotSettingsSchema),
  });
}
