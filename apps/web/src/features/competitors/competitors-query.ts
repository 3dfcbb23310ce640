import { queryOptions } from '@tanstack/react-query';
import { competitorListSchema } from '@plume/contract/competitors/competitor-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

/** The workspace's competitors; polled while a reading is pending, so its result shows by itself. */
export const competitorsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: ['workspaces', workspaceId, 'competitors'] as const,
    queryFn: () => api.get(`${workspacePath(workspaceId)}/competitors`, competitorListSchema),
    refetchInterval: (query) =>
      query.state.data?.competitors.some((competitor) => competitor.state === 'pending') ? 3000 : false,
  });
