/**
 * Reads a post's and an account's counters. Several statuses at once with GET /api/v1/statuses?id[]=
 * (Mastodon 4.3+, which leaves out statuses that are gone or not visible to us); one by one with
 * GET /api/v1/statuses/:id on older servers, where 404 (deleted, or private to us) means gone.
 * Account counts from GET /api/v1/accounts/verify_credentials.
 * Docs: docs.joinmastodon.org/methods/statuses/#index, …/#get, …/methods/accounts/#verify_credentials
 */
import { z } from 'zod';
import type { AccountMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { Retryable } from '../../provider-errors.ts';
import { failureFromResponse, send } from '../../shared/network-call.ts';
import { instanceUrlOf, mastodonJson, mastodonRequest, statusReadTokens } from '../client.ts';
import { mastodonFailureMapping } from '../errors.ts';
import { metricsOfStatus, statusSchema, type MastodonStatus } from '../statuses.ts';

/** Most ids one GET /api/v1/statuses takes. */
export const MASTODON_STATUSES_BATCH = 20;

/** True when the server's version (read at connect, `metadata.version`) has GET /api/v1/statuses. */
export function hasStatusesBatch(metadata: Readonly<Record<string, string>>): boolean {
  const match = /^(\d+)\.(\d+)/.exec(metadata['version'] ?? '');
  if (match === null) return false;
  const major = Number(match[1]);
  return major > 4 || (major === 4 && Number(match[2]) >= 3);
}

/** Posts one metrics call reads: 20 with GET /api/v1/statuses, 1 on a server without it. */
export function mastodonPostsPerCall(account: Pick<AccountAuth, 'metadata'>): number {
  return hasStatusesBatch(account.metadata) ? MASTODON_STATUSES_BATCH : 1;
}

export async function getMastodonPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  remoteIds: readonly string[],
): Promise<PostMetricsReading[]> {
  const instanceUrl = instanceUrlOf(account.metadata);
  const found = new Map<string, MastodonStatus>();
  if (remoteIds.length > 1 && hasStatusesBatch(account.metadata)) {
    for (let start = 0; start < remoteIds.length; start += MASTODON_STATUSES_BATCH) {
      const query = new URLSearchParams();
      for (const id of remoteIds.slice(start, start + MASTODON_STATUSES_BATCH)) query.append('id[]', id);
      const statuses = await mastodonJson(
        context,
        instanceUrl,
        statusReadTokens(account.tokens),
        `/api/v1/statuses?${query.toString()}`,
        { method: 'GET' },
        z.array(statusSchema),
        'read the posts',
      );
      for (const status of statuses) found.set(status.id, status);
    }
  } else {
    for (const id of remoteIds) {
      const status = await readOneStatus(context, instanceUrl, account, id);
      if (status !== null) found.set(id, status);
    }
  }
  return remoteIds.map((remoteId): PostMetricsReading => {
    const status = found.get(remoteId);
    return status === undefined
      ? { remoteId, status: 'gone', reason: 'not_found' }
      : { remoteId, status: 'ok', metrics: metricsOfStatus(status) };
  });
}

/** One status, or null when the server answers 404/410 (deleted, or not visible to this account). */
async function readOneStatus(
  context: NetworkContext,
  instanceUrl: string,
  account: AccountAuth,
  id: string,
): Promise<MastodonStatus | null> {
  const url = `${instanceUrl}/api/v1/statuses/${encodeURIComponent(id)}`;
  const response = await send(
    context.http,
    url,
    await mastodonRequest(statusReadTokens(account.tokens), { method: 'GET' }),
  );
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) throw await failureFromResponse(response, { ...mastodonFailureMapping, what: 'read the post' });
  const parsed = statusSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success)
    throw new Retryable('The Mastodon server sent an unreadable answer to "read the post".', { cause: parsed.error });
  return parsed.data;
}

const countsSchema = z.looseObject({
  followers_count: z.number().int().nonnegative(),
  following_count: z.number().int().nonnegative(),
  statuses_count: z.number().int().nonnegative(),
});

export async function getMastodonAccountMetrics(
  context: NetworkContext,
  account: AccountAuth,
): Promise<AccountMetricValues> {
  const counts = await mastodonJson(
    context,
    instanceUrlOf(account.metadata),
    account.tokens,
    '/api/v1/accounts/verify_credentials',
    { method: 'GET' },
    countsSchema,
    'read your follower counts',
  );
  return { followers: counts.followers_count, following: counts.following_count, posts: counts.statuses_count };
}
