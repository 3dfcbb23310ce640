import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  bestTimesResponse,
  predictResponse,
  whatWorksResponse,
  type PredictBody,
} from '@plume/contract/insights/insight-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

const insightsPath = (workspaceId: string) => `${workspacePath(workspaceId)}/insights`;

/** Expected engagements of a draft on each chosen account (asked again as the draft changes). */
export function predictQueryOptions(workspaceId: string, body: PredictBody) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'insights', 'predict', body],
    queryFn: () => api.post(`${insightsPath(workspaceId)}/predict`, body, predictResponse),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The account's best free hours in the next week. */
export function bestTimesQueryOptions(workspaceId: string, accountId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'insights', 'best-times', accountId],
    queryFn: () =>
      api.get(`${insightsPath(workspaceId)}/best-times?accountId=${encodeURIComponent(accountId)}`, bestTimesResponse),
    staleTime: 60_000,
  });
}

/** What made a difference, for one account or (without one) the whole workspace. */
export function whatWorksQueryOptions(workspaceId: string, accountId?: string) {
  const query = accountId === undefined ? '' : `?accountId=${encodeURIComponent(accountId)}`;
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'insights', 'what-works', accountId ?? 'all'],
    queryFn: () => api.get(`${insightsPath(workspaceId)}/what-works${query}`, whatWorksResponse),
    staleTime: 5 * 60_000,
  });
}
