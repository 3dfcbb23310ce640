/**
 * YouTube Data API reads shared by connect and health: the channels the login can upload to.
 *
 * Docs: https://developers.google.com/youtube/v3/docs/channels/list
 */
import { z } from 'zod';
import type { ConnectedIdentity, NetworkContext, TokenSet } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';
import { bearer } from '../shared/oauth2.ts';
import { googleJson } from './google-call.ts';
import { requireEndpoint } from './google-oauth.ts';
import { youtubeVocabulary } from './errors.ts';

const thumbnail = z.looseObject({ url: z.string() });

const channelSchema = z.looseObject({
  id: z.string().min(1),
  snippet: z.looseObject({
    title: z.string(),
    customUrl: z.string().optional(),
    thumbnails: z
      .looseObject({ default: thumbnail.optional(), medium: thumbnail.optional(), high: thumbnail.optional() })
      .optional(),
  }),
});

const channelListSchema = z.looseObject({ items: z.array(channelSchema).default([]) });

export type YoutubeChannel = z.infer<typeof channelSchema>;

/** The channels of the authorized login (`mine=true`); usually one, the channel picked at consent. */
export async function listMyChannels(context: NetworkContext, tokens: TokenSet): Promise<YoutubeChannel[]> {
  const url = new URL(`${requireEndpoint(context, 'api')}/channels`);
  url.searchParams.set('part', 'snippet');
  url.searchParams.set('mine', 'true');
  url.searchParams.set('maxResults', '50');
  const list = await googleJson(
    context.http,
    url,
    { method: 'GET', headers: bearer(tokens) },
    {
      schema: channelListSchema,
      what: 'list your YouTube channels',
      now: context.now(),
      vocabulary: youtubeVocabulary,
    },
  );
  if (list.items.length === 0) {
    throw new Permanent(
      'This Google account has no YouTube channel yet. Create one on youtube.com, then connect again.',
      {
        vendorCode: 'no_channel',
      },
    );
  }
  return list.items;
}

/** A channel as a Plume identity; the channel id is what later calls check against. */
export function channelIdentity(context: NetworkContext, channel: YoutubeChannel): ConnectedIdentity {
  const web = requireEndpoint(context, 'web');
  const handle = channel.snippet.customUrl ?? channel.id;
  const avatar = channel.snippet.thumbnails?.default?.url ?? channel.snippet.thumbnails?.medium?.url;
  return {
    externalId: channel.id,
    handle,
    displayName: channel.snippet.title,
    kind: 'channel',
    ...(avatar === undefined ? {} : { avatarUrl: avatar }),
    profileUrl: handle.startsWith('@') ? `${web}/${handle}` : `${web}/channel/${channel.id}`,
    metadata: { channelId: channel.id },
  };
}
