/**
 * LinkedIn post metrics: an organization's posts through its share statistics (20 a call), a
 * member's posts through member post analytics (where the app is allowed r_member_postAnalytics).
 */
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { readMemberPostMetrics } from './member-post-analytics.ts';
import { authorOf } from './publish.ts';
import { readOrganizationPostMetrics } from './share-statistics.ts';

/** Posts read in one share statistics call; LinkedIn documents no cap, this keeps URLs short. */
export const LINKEDIN_METRICS_BATCH = 20;

/** One reading per id, in the order asked. */
export async function getLinkedInPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  remoteIds: readonly string[],
): Promise<PostMetricsReading[]> {
  if (remoteIds.length === 0) return [];
  const author = authorOf(account);
  if (!author.startsWith('urn:li:organization:')) return readMemberPostMetrics(context, account, remoteIds);
  const readings: PostMetricsReading[] = [];
  for (let start = 0; start < remoteIds.length; start += LINKEDIN_METRICS_BATCH) {
    const batch = remoteIds.slice(start, start + LINKEDIN_METRICS_BATCH);
    readings.push(...(await readOrganizationPostMetrics(context, account, author, batch)));
  }
  return readings;
}
