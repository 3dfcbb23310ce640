/**
 * Another account's public posts, for competitor analysis, from the public AppView without signing
 * in: app.bsky.actor.getProfile (handle → DID, display name, followers) then
 * app.bsky.feed.getAuthorFeed with `filter=posts_no_replies`, 100 a page, newest first, until `since`.
 * Reposts are skipped (they are someone else's post); a pinned post counts once, where its date puts it.
 * The AppView answers an unknown, deleted or taken-down actor with 400 `InvalidRequest` "Profile not found".
 * Docs: docs.bsky.app/docs/api/app-bsky-actor-get-profile, docs.bsky.app/docs/api/app-bsky-feed-get-author-feed
 */
import { z } from 'zod';
import type { NetworkContext, PublicPost, PublicProfile } from '../../contract.ts';
import { Permanent, ProfileNotFound } from '../../provider-errors.ts';
import { mergeHashtags } from '../../text/hashtags.ts';
import { blueskyWebUrl, xrpcQuery } from '../client.ts';
import { featuresOfPostView, postViewSchema, type PostView } from '../post-view.ts';

const PAGE_SIZE = 100;
/** Pages read at most per call (a safety stop against a feed that never ends). */
const MAX_PAGES = 10;
const NOT_FOUND_CODES = new Set(['InvalidRequest', 'AccountTakedown', 'AccountDeactivated', 'RepoNotFound']);

const profileSchema = z.looseObject({
  did: z.string().startsWith('did:'),
  handle: z.string(),
  displayName: z.string().optional(),
  followersCount: z.number().int().nonnegative().optional(),
});

const feedSchema = z.looseObject({
  cursor: z.string().optional(),
  feed: z.array(z.looseObject({ post: postViewSchema, reason: z.looseObject({ $type: z.string() }).optional() })),
});

/** The public AppView (`https://public.api.bsky.app` unless configured). */
function appViewUrl(context: NetworkContext): string {
  const base = context.endpoints['appView'] ?? context.endpoints['api'];
  if (base === undefined) throw new Error('Bluesky endpoint "appView" is not configured');
  return base.replace(/\/+$/, '');
}

/** `@alice.bsky.social`, `alice.bsky.social`, a DID or a bsky.app profile link → the actor to ask for. */
export function blueskyActorOf(handle: string): string {
  const trimmed = handle.trim();
  const fromLink = /^https?:\/\/[^/]+\/profile\/([^/?#]+)/i.exec(trimmed);
  return (fromLink?.[1] ?? trimmed).replace(/^@/, '').toLowerCase();
}

async function readProfile(context: NetworkContext, actor: string): Promise<PublicProfile> {
  try {
    const profile = await xrpcQuery(context, {
      base: appViewUrl(context),
      nsid: 'app.bsky.actor.getProfile',
      params: { actor },
      schema: profileSchema,
      what: 'read the profile',
    });
    return {
      id: profile.did,
      handle: profile.handle,
      displayName: profile.displayName?.trim() || profile.handle,
      url: `${blueskyWebUrl(context)}/profile/${profile.handle}`,
      ...(profile.followersCount === undefined ? {} : { followers: profile.followersCount }),
    };
  } catch (error) {
    if (error instanceof Permanent && NOT_FOUND_CODES.has(error.vendorCode ?? ''))
      throw new ProfileNotFound(actor, 'Bluesky', { cause: error });
    throw error;
  }
}

function publicPostOf(context: NetworkContext, profile: PublicProfile, view: PostView): PublicPost {
  const rkey = view.uri.split('/').at(-1) ?? '';
  const post = {
    remoteId: view.uri,
    url: `${blueskyWebUrl(context)}/profile/${profile.handle}/post/${rkey}`,
    ...featuresOfPostView(view),
  };
  const listed = (view.record.facets ?? []).flatMap((facet) =>
    facet.features.flatMap((feature) => (typeof feature['tag'] === 'string' ? [feature['tag']] : [])),
  );
  const recordTags = Array.isArray(view.record['tags'])
    ? view.record['tags'].filter((tag): tag is string => typeof tag === 'string')
    : [];
  return { ...post, hashtags: mergeHashtags([...listed, ...recordTags], post.text) };
}

export async function listBlueskyPublicPosts(
  context: NetworkContext,
  input: { handle: string; since: Date; limit: number },
): Promise<{ profile: PublicProfile; posts: PublicPost[] }> {
  const profile = await readProfile(context, blueskyActorOf(input.handle));
  const posts = new Map<string, PublicPost>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await xrpcQuery(context, {
      base: appViewUrl(context),
      nsid: 'app.bsky.feed.getAuthorFeed',
      params: {
        actor: profile.id,
        filter: 'posts_no_replies',
        limit: String(Math.min(PAGE_SIZE, Math.max(1, input.limit))),
        ...(cursor === undefined ? {} : { cursor }),
      },
      schema: feedSchema,
      what: 'read the public posts',
    });
    let reachedOlder = false;
    for (const item of answer.feed) {
      const reason = item.reason?.$type;
      if (item.post.author.did !== profile.id || reason === 'app.bsky.feed.defs#reasonRepost') continue;
      const post = publicPostOf(context, profile, item.post);
      if (post.publishedAt < input.since) {
        if (reason !== 'app.bsky.feed.defs#reasonPin') reachedOlder = true;
        continue;
      }
      posts.set(post.remoteId, post);
    }
    cursor = answer.cursor;
    if (reachedOlder || cursor === undefined || answer.feed.length === 0 || posts.size >= input.limit) break;
  }
  const newestFirst = [...posts.values()].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  return { profile, posts: newestFirst.slice(0, input.limit) };
}
