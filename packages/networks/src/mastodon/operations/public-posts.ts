/**
 * Another account's public posts, for competitor analysis, from its own server without a token:
 * GET /api/v1/accounts/lookup?acct=<user> (the account by name; 404 when unknown, 410 when
 * suspended), then GET /api/v1/accounts/:id/statuses with exclude_replies and exclude_reblogs,
 * 40 a page, back with max_id until `since`. The account's home server has its true counts (another
 * server knows only what reached it). Every server is any address: calls go through the SSRF guard.
 * Docs: docs.joinmastodon.org/methods/accounts/#lookup, docs.joinmastodon.org/methods/accounts/#statuses
 */
import { z } from 'zod';
import type { NetworkContext, PublicPost, PublicProfile } from '../../contract.ts';
import { Permanent, ProfileNotFound, Retryable } from '../../provider-errors.ts';
import { failureFromResponse, send } from '../../shared/network-call.ts';
import { mergeHashtags } from '../../text/hashtags.ts';
import { mastodonJson, mastodonRequest } from '../client.ts';
import { mastodonFailureMapping } from '../errors.ts';
import { recentPostOf, statusSchema } from '../statuses.ts';

const PAGE_SIZE = 40;
/** Pages read at most per call (a safety stop). */
const MAX_PAGES = 10;

const accountSchema = z.looseObject({
  id: z.string().min(1),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().default(''),
  url: z.string().nullish(),
  followers_count: z.number().int().nonnegative().optional(),
});

const publicStatusSchema = statusSchema.extend({
  tags: z.array(z.looseObject({ name: z.string() })).default([]),
});

/** Where the account lives and its name there, from `@user@server`, `user@server` or `https://server/@user`. */
export function mastodonAddressOf(handle: string): { instanceUrl: string; username: string } {
  const trimmed = handle.trim();
  const link = /^(https?:\/\/[^/?#]+)\/@([^/?#@]+)\/?$/i.exec(trimmed);
  if (link?.[1] !== undefined && link[2] !== undefined) return { instanceUrl: link[1], username: link[2] };
  const acct = /^@?([^@\s/]+)@([^@\s/]+)$/.exec(trimmed);
  if (acct?.[1] !== undefined && acct[2] !== undefined)
    return { instanceUrl: `https://${acct[2].toLowerCase()}`, username: acct[1] };
  throw new Permanent(`"${handle}" is not a Mastodon address. Write it as @name@server.social.`);
}

async function lookUp(context: NetworkContext, instanceUrl: string, handle: string, username: string) {
  const url = `${instanceUrl}/api/v1/accounts/lookup?acct=${encodeURIComponent(username)}`;
  const response = await send(context.http, url, await mastodonRequest(undefined, { method: 'GET' }));
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    throw new ProfileNotFound(handle, 'Mastodon');
  }
  if (!response.ok) throw await failureFromResponse(response, { ...mastodonFailureMapping, what: 'find the account' });
  const parsed = accountSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new Retryable('The Mastodon server sent an unreadable account.');
  return parsed.data;
}

export async function listMastodonPublicPosts(
  context: NetworkContext,
  input: { handle: string; since: Date; limit: number },
): Promise<{ profile: PublicProfile; posts: PublicPost[] }> {
  const { instanceUrl, username } = mastodonAddressOf(input.handle);
  const account = await lookUp(context, instanceUrl, input.handle, username);
  const host = new URL(instanceUrl).host;
  const profile: PublicProfile = {
    id: account.id,
    handle: `@${account.username}@${host}`,
    displayName: account.display_name.trim() || account.username,
    url: account.url ?? `${instanceUrl}/@${account.username}`,
    ...(account.followers_count === undefined ? {} : { followers: account.followers_count }),
  };
  const posts: PublicPost[] = [];
  let maxId: string | undefined;
  for (let page = 0; page < MAX_PAGES && posts.length < input.limit; page += 1) {
    const query = new URLSearchParams({ exclude_replies: 'true', exclude_reblogs: 'true', limit: String(PAGE_SIZE) });
    if (maxId !== undefined) query.set('max_id', maxId);
    const statuses = await mastodonJson(
      context,
      instanceUrl,
      undefined,
      `/api/v1/accounts/${encodeURIComponent(account.id)}/statuses?${query.toString()}`,
      { method: 'GET' },
      z.array(publicStatusSchema),
      'read the public posts',
    );
    for (const status of statuses) {
      const post = recentPostOf(status);
      if (Number.isNaN(post.publishedAt.getTime()) || post.publishedAt < input.since) continue;
      const hashtags = mergeHashtags(
        status.tags.map((tag) => tag.name),
        post.text,
      );
      if (posts.length < input.limit) posts.push({ ...post, hashtags });
    }
    const last = statuses.at(-1);
    if (statuses.length < PAGE_SIZE || last === undefined || new Date(last.created_at) < input.since) break;
    maxId = last.id;
  }
  return { profile, posts };
}
