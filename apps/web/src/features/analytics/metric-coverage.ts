import type { NetworkMetrics } from '@plume/contract/analytics/analytics-schemas';
import { ENGAGEMENT_METRICS } from '@plume/contract/analytics/metrics';
import { whyUnknown } from './analytics-format.ts';

/** The numbers the page shows that a network may not give. */
export type ShownMetric = 'engagements' | 'engagementRate' | 'impressions' | 'views' | 'followers';

/** Whether a network's API gives what `metric` is computed from (engagementsOf's inputs, Reddit's score…). */
export function reportsMetric(network: Omit<NetworkMetrics, 'network'>, metric: ShownMetric): boolean {
  const post = new Set<string>(network.postMetrics);
  const engagements = ENGAGEMENT_METRICS.some((name) => post.has(name)) || post.has('score');
  switch (metric) {
    case 'engagements':
      return engagements;
    case 'engagementRate':
      // The rate's audience falls back to followers, so engagements and followers are enough.
      return (
        engagements && (post.has('impressions') || post.has('views') || network.accountMetrics.includes('followers'))
      );
    case 'impressions':
    case 'views':
      return post.has(metric);
    case 'followers':
      return network.accountMetrics.includes('followers');
  }
}

/**
 * Why `metric` is unknown for a group of networks: "not reported by Mastodon", or "not measured
 * yet" when every one of them reports it.
 */
export function unknownReason(
  networks: readonly NetworkMetrics[],
  metric: ShownMetric,
  networkName: (id: string) => string,
): string {
  return whyUnknown(networks.filter((network) => !reportsMetric(network, metric)).map((n) => networkName(n.network)));
}
