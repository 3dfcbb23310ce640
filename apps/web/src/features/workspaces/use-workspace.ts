import { useSuspenseQuery } from '@tanstack/react-query';
import type { Workspace } from '@plume/contract/workspaces/workspace-schemas';
import { workspaceQueryOptions } from './workspace-queries.ts';

/** The workspace of the current /w/$workspaceId page; its route loader has already fetched it. */
export function useWorkspace(workspaceId: string): Workspace {
  return useSuspenseQuery(workspaceQueryOptions(workspaceId)).data;
}
