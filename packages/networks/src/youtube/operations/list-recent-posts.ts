/**
 * The channel's recent videos for backfill: its uploads playlist (channels.list
 * part=contentDetails → relatedPlaylists.uploads), read 50 a page with playlistItems.list, newest
 * first, until `since`; then videos.list statistics for their counts. Each call costs 1 quota unit.
 * Docs: https://developers.google.com/youtube/v3/docs/playlistItems/list,
 * https://developers.google.com/youtube/v3/guides/implementation/videos (uploaded videos)
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, RecentPost } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { channelIdOf, youtubeRead } from '../data-api.ts';
import { requireEndpoint } from '../google-oauth.ts';
import { readVideoStatistics } from './get-post-metrics.ts';

const PAGE_SIZE = 50;

const uploadsSchema = z.looseObject({
  items: z
    .array(
      z.looseObject({
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
        snippet: z.looseObject({ title: z.string().optional(), description: z.string().optional() }).optional(),
        contentDetails: z.looseObject({ videoId: z.string(), videoPublishedAt: z.string().optional() }),
      }),
    )
    .default([]),
});

async function uploadsPlaylist(context: NetworkContext, account: AccountAuth): Promise<string> {
  const list = await youtubeRead(context, account, {
    resource: 'channels',
    params: { part: 'contentDetails', id: channelIdOf(account) },
    schema: uploadsSchema,
    what: 'find the channel’s uploads',
  });
  const uploads = list.items[0]?.contentDetails.relatedPlaylists.uploads;
  if (uploads === undefined) throw new Permanent('YouTube did not say where this channel’s uploads are.');
  return uploads;
}

export async function listYoutubeRecentPosts(
  context: NetworkContext,
  account: AccountAuth,
  options: { since: Date; limit: number },
): Promise<RecentPost[]> {
  const playlistId = await uploadsPlaylist(context, account);
  const web = requireEndpoint(context, 'web');
  const posts: Omit<RecentPost, 'metrics'>[] = [];
  let pageToken: string | undefined;
  let reachedOlder = false;
  while (!reachedOlder && posts.length < options.limit) {
    const page = await youtubeRead(context, account, {
      resource: 'playlistItems',
      params: {
        part: 'snippet,contentDetails',
        playlistId,
        maxResults: String(PAGE_SIZE),
        ...(pageToken === undefined ? {} : { pageToken }),
      },
      schema: playlistSchema,
      what: 'list the channel’s videos',
    });
    for (const item of page.items) {
      const publishedAt = new Date(item.contentDetails.videoPublishedAt ?? Number.NaN);
      // Private or deleted uploads have no videoPublishedAt: they cannot be measured.
      if (Number.isNaN(publishedAt.getTime())) continue;
      if (publishedAt < options.since) {
        reachedOlder = true;
        continue;
      }
      const description = item.snippet?.description ?? '';
      posts.push({
        remoteId: item.contentDetails.videoId,
        url: `${web}/watch?v=${item.contentDetails.videoId}`,
        publishedAt,
        text: [item.snippet?.title ?? '', description].filter((part) => part !== '').join('\n\n'),
        hasMedia: true,
        hasLink: /https?:\/\//.test(description),
      });
    }
    pageToken = page.nextPageToken;
    if (pageToken === undefined) break;
  }
  const kept = posts.slice(0, options.limit);
  const statistics = await readVideoStatistics(
    context,
    account,
    kept.map((post) => post.remoteId),
  );
  return kept.map((post) => ({ ...post, metrics: statistics.get(post.remoteId) ?? {} }));
}
