/**
 * Daily account snapshots: every connected account whose network gives account metrics, and that has
 * no reading from the last 23 hours, is read once (followers, following, posts). Runs hourly, so a
 * missed day (worker down) is caught up within the hour, once; a crash mid-run leaves the rest for the
 * next run. Read budgets and token rules as for post snapshots.
 */
import { sql } from 'drizzle-orm';
import { isProviderError } from '@plume/networks/provider-errors';
import { AccountDisconnected, getAccountAuth } from '../social/account-tokens.ts';
import type { AnalyticsDeps } from './collect-post-metrics.ts';
import { clearMetricsRefused, metricsRefusalText, noteMetricsRefused } from './metrics-refusal.ts';
import { hostOf, noteRateLimited, readRulesOf, takeReadBudget } from './read-budget.ts';

const MIN_HOURS_BETWEEN = 23;

export async function collectAccountMetrics(
  deps: AnalyticsDeps,
  options: { limit?: number } = {},
): Promise<{ read: number; failed: number }> {
  const networks = deps.runtime.providers
    .filter((provider) => provider.getAccountMetrics !== undefined && provider.manifest.analytics.account !== null)
    .map((provider) => provider.manifest.id);
  if (networks.length === 0) return { read: 0, failed: 0 };
  const due = await deps.db.execute<{ id: string; workspace_id: string; network: string }>(sql`
    SELECT a.id, a.workspace_id, a.network FROM social_accounts a
    WHERE a.status = 'connected' AND a.network = ANY(string_to_array(${networks.join(',')}, ','))
      AND NOT EXISTS (SELECT 1 FROM account_metric_snapshots s WHERE s.account_id = a.id
        AND s.taken_at > now() - make_interval(hours => ${MIN_HOURS_BETWEEN}))
    ORDER BY a.id LIMIT ${options.limit ?? 1000}`);
  let read = 0;
  let failed = 0;
  for (const account of due.rows) {
    const provider = deps.runtime.provider(account.network);
    try {
      let auth = await getAccountAuth(deps, account.id);
      const host = hostOf(provider.manifest, auth.metadata);
      const rules = readRulesOf(provider.manifest, host, account.id);
      if ((await takeReadBudget(deps.db, rules)) !== null) continue;
      const context = deps.runtime.context(provider.manifest.id);
      const call = () =>
        deps.limiter.run(`analytics:${provider.manifest.id}:${host}`, 2, () =>
          provider.getAccountMetrics!(context, auth),
        );
      let metrics;
      try {
        metrics = await call();
      } catch (error) {
        if (isProviderError(error) && error.kind === 'rate_limited') {
          const until = new Date(Date.now() + error.retryAfterMs);
          await noteRateLimited(
            deps.db,
            rules
              .filter((rule) => rule.key.includes(error.scope === 'app' ? ':app' : ':account:'))
              .map((rule) => rule.key),
            until,
          );
          continue;
        }
        if (isProviderError(error) && error.kind === 'permanent') {
          await noteMetricsRefused(deps.db, account.id, metricsRefusalText(provider.manifest.name, error));
          continue;
        }
        if (!isProviderError(error) || error.kind !== 'auth_expired') throw error;
        auth = await getAccountAuth(deps, account.id, { rejectedToken: auth.tokens.accessToken });
        metrics = await call();
      }
      await deps.db.execute(sql`
        INSERT INTO account_metric_snapshots (account_id, workspace_id, taken_at, followers, following, posts)
        VALUES (${account.id}, ${account.workspace_id}, now(), ${metrics.followers ?? null}, ${metrics.following ?? null}, ${metrics.posts ?? null})`);
      await clearMetricsRefused(deps.db, account.id);
      read += 1;
    } catch (error) {
      // A disconnected account waits for its owner; other failures are tried again next hour.
      if (!(error instanceof AccountDisconnected)) failed += 1;
    }
  }
  return { read, failed };
}
