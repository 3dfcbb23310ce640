import { queryOptions } from '@tanstack/react-query';
import {
  analyticsOverviewSchema,
  breakdownsSchema,
  followersSeriesSchema,
  heatmapSchema,
  postMetricsSchema,
  topPostsSchema,
} from '@plume/contract/analytics/analytics-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

export type DayRange = { from: string; to: string };

const analyticsKey = (workspaceId: string) => ['workspaces', workspaceId, 'analytics'] as const;

function rangeQuery<Schema extends Parameters<typeof api.get>[1]>(
  workspaceId: string,
  name: string,
  range: DayRange,
  schema: Schema,
  extra: Record<string, string> = {},
) {
  const params = new URLSearchParams({ from: range.from, to: range.to, ...extra });
  return queryOptions({
    queryKey: [...analyticsKey(workspaceId), name, range, extra],
    queryFn: () => api.get(`${workspacePath(workspaceId)}/analytics/${name}?${params.toString()}`, schema),
  });
}

export const overviewQueryOptions = (workspaceId: string, range: DayRange) =>
  rangeQuery(workspaceId, 'overview', range, analyticsOverviewSchema);
export const followersQueryOptions = (workspaceId: string, range: DayRange) =>
  rangeQuery(workspaceId, 'followers', range, followersSeriesSchema);
export const topPostsQueryOptions = (workspaceId: string, range: DayRange, limit = 10) =>
  rangeQuery(workspaceId, 'posts', range, topPostsSchema, { limit: String(limit) });
export const breakdownsQueryOptions = (workspaceId: string, range: DayRange) =>
  rangeQuery(workspaceId, 'breakdowns', range, breakdownsSchema);
export const heatmapQueryOptions = (workspaceId: string, range: DayRange) =>
  rangeQuery(workspaceId, 'heatmap', range, heatmapSchema);

/** Each target's snapshots of one post. */
export function postMetricsQueryOptions(workspaceId: string, postId: string) {
  return queryOptions({
    queryKey: [...analyticsKey(workspaceId), 'post', postId],
    queryFn: () =>
      api.get(`${workspacePath(workspaceId)}/posts/${encodeURIComponent(postId)}/metrics`, postMetricsSchema),
  });
}
