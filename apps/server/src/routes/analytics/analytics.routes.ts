import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { analyticsRangeQuery, topPostsQuery } from '@plume/contract/analytics/analytics-query';
import {
  analyticsOverviewSchema,
  breakdownsSchema,
  followersSeriesSchema,
  heatmapSchema,
  postMetricsSchema,
  topPostsSchema,
} from '@plume/contract/analytics/analytics-schemas';
import { workspaceParams } from '@plume/contract/common-schemas';
import { postParams } from '@plume/contract/posts/post-schemas';
import type { MetricsOfNetwork } from '@plume/core/analytics/analytics-scope';
import { getAnalyticsOverview } from '@plume/core/analytics/get-analytics-overview';
import { getBreakdowns } from '@plume/core/analytics/get-breakdowns';
import { getPostMetrics } from '@plume/core/analytics/get-post-metrics';
import { getPostingHeatmap } from '@plume/core/analytics/get-posting-heatmap';
import { listFollowerSeries } from '@plume/core/analytics/list-follower-series';
import { listTopPosts } from '@plume/core/analytics/list-top-posts';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['analytics'];

/** What each network's manifest says its API reports (nothing where the manifest has no analytics). */
function metricsOfNetworks(context: AppContext): MetricsOfNetwork {
  return (network) => {
    const manifest = context.publishing.runtime.providers.find(
      (provider) => provider.manifest.id === network,
    )?.manifest;
    return {
      postMetrics: [...(manifest?.analytics.post?.metrics ?? [])],
      accountMetrics: [...(manifest?.analytics.account?.metrics ?? [])],
    };
  };
}

/** Analytics of a workspace: read-only, so viewers (and read API keys) may read them. */
export async function analyticsRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const metricsOf = metricsOfNetworks(context);
  const base = '/api/v1/workspaces/:workspaceId/analytics';
  const scopeOf = async (
    request: Parameters<typeof requireWorkspaceRole>[1],
    workspaceId: string,
    range: { from: string; to: string },
  ) => {
    const { workspace } = await requireWorkspaceRole(context, request, workspaceId, 'viewer');
    return { workspaceId: workspace.id, timezone: workspace.timezone, from: range.from, to: range.to };
  };
  const rangeRoute = { params: workspaceParams, querystring: analyticsRangeQuery };

  typed.get(
    `${base}/overview`,
    {
      schema: {
        tags,
        summary:
          'Posts, engagements, impressions and engagement rate of a range and the period before, by network and account',
        ...rangeRoute,
        response: { 200: analyticsOverviewSchema, ...protectedErrors },
      },
    },
    async (request) =>
      getAnalyticsOverview(context.db, await scopeOf(request, request.params.workspaceId, request.query), metricsOf),
  );
  typed.get(
    `${base}/followers`,
    {
      schema: {
        tags,
        summary: "Each account's followers at the end of each day of the range",
        ...rangeRoute,
        response: { 200: followersSeriesSchema, ...protectedErrors },
      },
    },
    async (request) =>
      listFollowerSeries(context.db, await scopeOf(request, request.params.workspaceId, request.query)),
  );
  typed.get(
    `${base}/posts`,
    {
      schema: {
        tags,
        summary: 'The posts of the range with the most and the fewest engagements',
        params: workspaceParams,
        querystring: topPostsQuery,
        response: { 200: topPostsSchema, ...protectedErrors },
      },
    },
    async (request) =>
      listTopPosts(context.db, await scopeOf(request, request.params.workspaceId, request.query), request.query.limit),
  );
  typed.get(
    `${base}/breakdowns`,
    {
      schema: {
        tags,
        summary: 'How the range’s posts did by content type, hashtag and length',
        ...rangeRoute,
        response: { 200: breakdownsSchema, ...protectedErrors },
      },
    },
    async (request) => getBreakdowns(context.db, await scopeOf(request, request.params.workspaceId, request.query)),
  );
  typed.get(
    `${base}/heatmap`,
    {
      schema: {
        tags,
        summary: "Posts and mean engagements by weekday and hour on the workspace's clock",
        ...rangeRoute,
        response: { 200: heatmapSchema, ...protectedErrors },
      },
    },
    async (request) => getPostingHeatmap(context.db, await scopeOf(request, request.params.workspaceId, request.query)),
  );
  typed.get(
    '/api/v1/workspaces/:workspaceId/posts/:postId/metrics',
    {
      schema: {
        tags,
        summary: "Each target's metric readings since it went out, oldest first",
        params: postParams,
        response: { 200: postMetricsSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const { workspace } = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return getPostMetrics(context.db, { workspaceId: workspace.id, postId: request.params.postId }, metricsOf);
    },
  );
}
