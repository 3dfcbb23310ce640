/**
 * Another channel's public videos, for competitor analysis, with the server's Data API key instead
 * of a user's token (each call 1 quota unit): channels.list (`forHandle=@name` or `id=UC…`; an unknown
 * channel is an empty `items`) for its title, subscribers and uploads playlist; playlistItems.list,
 * 50 a page, newest first, until `since`; then videos.list part=snippet,statistics for tags and counts.
 * `likeCount` is absent when the owner hides likes, `commentCount` when comments are off, and the
 * subscriber count when `hiddenSubscriberCount` is true: all stay absent, never 0.
 * Docs: developers.google.com/youtube/v3/docs/channels/list, …/playlistItems/list, …/videos/list
 */
import { z } from 'zod';
import type { NetworkContext, PublicPost, PublicProfile } from '../../contract.ts';
import { Permanent, ProfileNotFound } from '../../provider-errors.ts';
import { chunksOf } from '../../shared/batches.ts';
import { hashtagsOf } from '../../text/hashtags.ts';
import { youtubeVocabulary } from '../errors.ts';
import { googleJson } from '../google-call.ts';
import { requireEndpoint } from '../google-oauth.ts';
import { metricsOfStatistics, YOUTUBE_VIDEOS_PER_CALL } from './get-post-metrics.ts';

const PAGE_SIZE = 50;
const MAX_PAGES = 10;

const channelSchema = z.looseObject({
  items: z
    .array(
      z.looseObject({
        id: z.string(),
        snippet: z.looseObject({ title: z.string().default(''), customUrl: z.string().optional() }).optional(),
        statistics: z
          .looseObject({ subscriberCount: z.string().optional(), hiddenSubscriberCount: z.boolean().optional() })
          .optional(),
        contentDetails: z.looseObject({ relatedPlaylists: z.looseObject({ uploads: z.string().optional() }) }),
      }),
    )
    .default([]),
});

const playlistSchema = z.looseObject({
  nextPageToken: z.string().optional(),
  items: z
    .array(
      z.looseObject({
        contentDetails: z.looseObject({ videoId: z.string(), videoPublishedAt: z.string().optional() }),
      }),
    )
    .default([]),
});

const videosSchema = z.looseObject({
  items: z
    .array(
      z.looseObject({
        id: z.string(),
        snippet: z
          .looseObject({
            title: z.string().default(''),
            description: z.string().default(''),
          })
          .optional(),
        statistics: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .default([]),
});

/** `@name`, a `UC…` id, or a youtube.com link to either → the channels.list filter. */
export function youtubeChannelFilter(handle: string): { forHandle: string } | { id: string } {
  const trimmed = handle.trim().replace(/\/+$/, '');
  const fromLink = /youtube\.com\/(?:channel\/)?([^/?#]+)$/i.exec(trimmed)?.[1] ?? trimmed;
  return /^UC[\w-]{22}$/.test(fromLink)
    ? { id: fromLink }
    : { forHandle: fromLink.startsWith('@') ? fromLink : `@${fromLink}` };
}

async function read<S extends z.ZodType>(
  context: NetworkContext,
  resource: string,
  params: Record<string, string>,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  if (context.apiKey === undefined)
    throw new Permanent(
      'Reading YouTube channels needs YOUTUBE_API_KEY set on this server (see docs/networks/youtube.md).',
    );
  const url = new URL(`${requireEndpoint(context, 'api')}/${resource}`);
  for (const [name, value] of Object.entries({ ...params, key: context.apiKey })) url.searchParams.set(name, value);
  return googleJson(
    context.http,
    url,
    { method: 'GET' },
    { schema, what, now: context.now(), vocabulary: youtubeVocabulary },
  );
}

async function readChannel(context: NetworkContext, handle: string) {
  const filter = youtubeChannelFilter(handle);
  const list = await read(
    context,
    'channels',
    { part: 'snippet,statistics,contentDetails', ...filter },
    channelSchema,
    'find the channel',
  );
  const channel = list.items[0];
  if (channel === undefined) throw new ProfileNotFound(handle, 'YouTube');
  const web = requireEndpoint(context, 'web');
  const subscribers =
    channel.statistics?.hiddenSubscriberCount === true ? undefined : Number(channel.statistics?.subscriberCount);
  const profile: PublicProfile = {
    id: channel.id,
    handle: channel.snippet?.customUrl ?? ('forHandle' in filter ? filter.forHandle : channel.id),
    displayName: channel.snippet?.title || channel.id,
    url: `${web}/channel/${channel.id}`,
    ...(subscribers === undefined || !Number.isFinite(subscribers) ? {} : { followers: subscribers }),
  };
  return { profile, uploads: channel.contentDetails.relatedPlaylists.uploads };
}

async function uploadsSince(context: NetworkContext, playlistId: string, since: Date, limit: number) {
  const videos: { id: string; publishedAt: Date }[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES && videos.length < limit; page += 1) {
    const params = {
      part: 'contentDetails',
      playlistId,
      maxResults: String(PAGE_SIZE),
      ...(pageToken === undefined ? {} : { pageToken }),
    };
    const answer = await read(context, 'playlistItems', params, playlistSchema, 'list the channel’s videos');
    let reachedOlder = false;
    for (const item of answer.items) {
      const publishedAt = new Date(item.contentDetails.videoPublishedAt ?? Number.NaN);
      if (Number.isNaN(publishedAt.getTime())) continue;
      if (publishedAt < since) reachedOlder = true;
      else if (videos.length < limit) videos.push({ id: item.contentDetails.videoId, publishedAt });
    }
    pageToken = answer.nextPageToken;
    if (reachedOlder || pageToken === undefined) break;
  }
  return videos;
}

export async function listYoutubePublicPosts(
  context: NetworkContext,
  input: { handle: string; since: Date; limit: number },
): Promise<{ profile: PublicProfile; posts: PublicPost[] }> {
  const { profile, uploads } = await readChannel(context, input.handle);
  if (uploads === undefined) return { profile, posts: [] };
  const videos = await uploadsSince(context, uploads, input.since, input.limit);
  const web = requireEndpoint(context, 'web');
  const posts: PublicPost[] = [];
  for (const chunk of chunksOf(videos, YOUTUBE_VIDEOS_PER_CALL)) {
    const ids = chunk.map((video) => video.id).join(',');
    const answer = await read(
      context,
      'videos',
      { part: 'snippet,statistics', id: ids },
      videosSchema,
      'read the videos',
    );
    const byId = new Map(answer.items.map((item) => [item.id, item]));
    for (const video of chunk) {
      const item = byId.get(video.id);
      if (item === undefined) continue;
      const title = item.snippet?.title ?? '';
      const description = item.snippet?.description ?? '';
      posts.push({
        remoteId: video.id,
        url: `${web}/watch?v=${video.id}`,
        publishedAt: video.publishedAt,
        text: [title, description].filter((part) => part !== '').join('\n\n'),
        // Hashtags are the ones viewers see in the title and description; keyword `tags` are hidden metadata.
        hashtags: hashtagsOf(title, description),
        hasMedia: true,
        hasLink: /https?:\/\//.test(description),
        metrics: metricsOfStatistics(item.statistics),
      });
    }
  }
  return { profile, posts };
}
