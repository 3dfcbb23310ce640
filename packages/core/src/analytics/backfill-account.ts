/**
 * Backfill: reads the account's recent posts (last 90 days or what the network allows, up to 500) with
 * their current numbers, so learning has data from the first day. Each becomes a measured post
 * (source `backfill`, or kept `plume` when Plume published it: matched through its target's remote id)
 * with one unscheduled snapshot; all in one statement. Runs as a job after an account connects and on
 * demand; running it again updates the same rows.
 */
import { sql } from 'drizzle-orm';
import { engagementRateOf, engagementsOf, POST_METRICS } from '@plume/contract/analytics/metrics';
import { AppError } from '@plume/errors/app-error';
import { getAccountAuth } from '../social/account-tokens.ts';
import type { AnalyticsDeps } from './collect-post-metrics.ts';
import { featuresOfText } from './post-features.ts';
import { hostOf, readRulesOf, takeReadBudget } from './read-budget.ts';

const DAY = 86_400_000;
const metricColumns = sql.raw(POST_METRICS.join(', '));
const metricTypes = sql.raw(
  POST_METRICS.map((name) => `${name} ${['impressions', 'reach', 'views'].includes(name) ? 'bigint' : 'integer'}`).join(
    ', ',
  ),
);
const excludedSet = sql.raw(POST_METRICS.map((name) => `${name} = EXCLUDED.${name}`).join(', '));

export type BackfillResult =
  { status: 'done'; posts: number } | { status: 'skipped'; reason: string } | { status: 'wait'; until: Date };

export async function backfillAccount(deps: AnalyticsDeps, accountId: string): Promise<BackfillResult> {
  const found = await deps.db.execute<{ workspace_id: string; network: string; status: string }>(
    sql`SELECT workspace_id, network, status FROM social_accounts WHERE id = ${accountId}`,
  );
  const account = found.rows[0];
  if (account === undefined) throw AppError.notFound('account');
  const provider = deps.runtime.provider(account.network);
  const limits = provider.manifest.analytics.recentPosts;
  if (provider.listRecentPosts === undefined || limits === null)
    return { status: 'skipped', reason: `${provider.manifest.name} does not let Plume read past posts.` };
  if (account.status !== 'connected') return { status: 'skipped', reason: 'The account is disconnected.' };
  const auth = await getAccountAuth(deps, accountId);
  const host = hostOf(provider.manifest, auth.metadata);
  const wait = await takeReadBudget(deps.db, readRulesOf(provider.manifest, host, accountId));
  if (wait !== null) return { status: 'wait', until: wait };
  const since = new Date(Date.now() - limits.maxAgeDays * DAY);
  const recent = await provider.listRecentPosts(deps.runtime.context(provider.manifest.id), auth, {
    since,
    limit: limits.maxPosts,
  });
  if (recent.length === 0) return { status: 'done', posts: 0 };
  const followers = await deps.db.execute<{ followers: string | null }>(
    sql`SELECT followers FROM account_metric_snapshots WHERE account_id = ${accountId} ORDER BY taken_at DESC LIMIT 1`,
  );
  const audience = followers.rows[0]?.followers;
  const rows = recent.map((post) => {
    const features = featuresOfText(post.text, provider.manifest, { hasMedia: post.hasMedia, hasLink: post.hasLink });
    return {
      remote_id: post.remoteId,
      remote_url: post.url,
      published_at: post.publishedAt,
      text: features.text,
      char_count: features.charCount,
      hashtag_count: Math.min(features.hashtagCount, 32_767),
      has_media: features.hasMedia,
      has_link: features.hasLink,
      engagements: engagementsOf(post.metrics),
      engagement_rate: engagementRateOf(
        post.metrics,
        audience === undefined || audience === null ? null : Number(audience),
      ),
      ...post.metrics,
    };
  });
  const takenAt = new Date();
  await deps.db.execute(sql`
    WITH i AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(remote_id text, remote_url text,
        published_at timestamptz, text text, char_count integer, hashtag_count smallint, has_media boolean,
        has_link boolean, engagements integer, engagement_rate real, ${metricTypes})
    ),
    upserted AS (
      INSERT INTO measured_posts AS m (workspace_id, account_id, network, remote_id, remote_url, target_id, source, published_at,
        text, char_count, hashtag_count, has_media, has_link, last_measured_at, engagements, engagement_rate, ${metricColumns})
      SELECT ${account.workspace_id}, ${accountId}::uuid, ${account.network}, i.remote_id, i.remote_url,
        (SELECT t.id FROM post_targets t WHERE t.account_id = ${accountId}::uuid AND t.remote_id = i.remote_id
          AND NOT EXISTS (SELECT 1 FROM measured_posts o WHERE o.target_id = t.id) LIMIT 1),
        'backfill', i.published_at, i.text, i.char_count, i.hashtag_count, i.has_media, i.has_link,
        ${takenAt}::timestamptz, i.engagements, i.engagement_rate, ${sql.raw(POST_METRICS.map((name) => `i.${name}`).join(', '))}
      FROM i
      ON CONFLICT (account_id, remote_id) DO UPDATE SET last_measured_at = EXCLUDED.last_measured_at,
        engagements = EXCLUDED.engagements, engagement_rate = EXCLUDED.engagement_rate, ${excludedSet}
      WHERE m.status = 'active'
      RETURNING m.id, m.remote_id
    )
    INSERT INTO post_metric_snapshots (measured_post_id, workspace_id, taken_at, engagements, ${metricColumns})
    SELECT u.id, ${account.workspace_id}, ${takenAt}::timestamptz, i.engagements, ${sql.raw(POST_METRICS.map((name) => `i.${name}`).join(', '))}
    FROM upserted u JOIN i ON i.remote_id = u.remote_id`);
  return { status: 'done', posts: recent.length };
}
