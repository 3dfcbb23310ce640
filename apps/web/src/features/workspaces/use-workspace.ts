import { useSuspenseQuery } from '@tanstack/react-query';
import { workspaceQueryOptions } from './workspace-queries.ts';
import type { Workspace } from './workspace-types.ts';

/** The workspace of the current /w/$workspaceId page; its route loader has already fetched it. */
export function useWorkspace(workspaceId: string): Workspace {
  return useSuspenseQuery(workspaceQueryOptions(workspaceId)).data;
}
