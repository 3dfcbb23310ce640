/**
 * For the inbox reading tests: a small feed server on loopback (items after a numeric cursor, a page at a
 * time) and a provider that is Mastodon's (so accounts connect through the real OAuth fake) plus an inbox
 * read against that feed through the real HTTP client and `callJson`'s typed errors (429 → RateLimited…).
 * Until the networks' own `listInbox` operations land on main, this is the network under test.
 */
import { z } from 'zod';
import type { NetworkProvider } from '@plume/networks/contract';
import type { InboxItemReading } from '@plume/networks/inbox-contract';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { callJson } from '@plume/networks/shared/network-call';
import { startFakeNetworkServer, type FakeNetworkServer } from '@plume/testing/fakes/fake-network-server';

export type FeedItem = { id: number; conversation: string; author: string; text: string; post?: string };

export type InboxFeed = {
  server: FakeNetworkServer;
  items: FeedItem[];
  /** The next read ignores the cursor and answers from the start (a network re-sending what it sent). */
  replayOnce: () => void;
};

export async function startInboxFeed(): Promise<InboxFeed> {
  const items: FeedItem[] = [];
  let replay = false;
  const server = await startFakeNetworkServer([
    {
      method: 'GET',
      path: '/inbox',
      handler: (request) => {
        const since = replay ? 0 : Number(request.query.get('since') ?? '0');
        replay = false;
        const limit = Number(request.query.get('limit') ?? '20');
        const after = items.filter((item) => item.id > since);
        const page = after.slice(0, limit);
        return { body: { items: page, cursor: page.at(-1)?.id ?? null, more: after.length > limit } };
      },
    },
  ]);
  return { server, items, replayOnce: () => (replay = true) };
}

const pageSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      conversation: z.string(),
      author: z.string(),
      text: z.string(),
      post: z.string().optional(),
    }),
  ),
  cursor: z.number().nullable(),
  more: z.boolean(),
});

function readingOf(item: FeedItem): InboxItemReading {
  return {
    remoteId: String(item.id),
    kind: item.post === undefined ? 'mention' : 'comment',
    conversationKey: item.conversation,
    parentRemoteId: null,
    postRemoteId: item.post ?? null,
    author: { id: item.author, handle: `@${item.author}`, displayName: item.author },
    text: item.text,
    createdAt: new Date(Date.UTC(2026, 11, 7, 9, 0, item.id)),
    url: null,
    fromAccount: false,
    meta: {},
  };
}

/** Mastodon with an inbox read from `feed` (pages of `pageSize`, read at most every `minPollSec`). */
export function feedProvider(feed: InboxFeed, inbox: { pageSize: number; minPollSec: number }): NetworkProvider {
  return {
    ...mastodonProvider,
    manifest: {
      ...mastodonProvider.manifest,
      inbox: { kinds: ['comment', 'mention'], reply: [], moderation: [], delivery: 'poll', scopes: [], ...inbox },
    },
    listInbox: async (context, account, options) => {
      const url = new URL('/inbox', feed.server.url);
      if (options.cursor !== null) url.searchParams.set('since', options.cursor);
      url.searchParams.set('limit', String(options.limit));
      const page = await callJson(
        context.http,
        url,
        { method: 'GET', headers: { authorization: `Bearer ${account.tokens.accessToken}` } },
        { schema: pageSchema, what: 'read the inbox' },
      );
      return {
        items: page.items.map(readingOf),
        cursor: page.cursor === null ? null : String(page.cursor),
        more: page.more,
      };
    },
  };
}
