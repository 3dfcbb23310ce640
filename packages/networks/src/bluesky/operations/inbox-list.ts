/**
 * Reads the account's inbox from app.bsky.notification.listNotifications (the PDS proxies it to the
 * AppView) with `reasons=reply,mention,quote`, 100 a page. The API pages newest first with an opaque
 * `cursor` going back in time, so a read pages back until it meets what the stored cursor already
 * covers (or, on the first read, 7 days back), then hands over the oldest new items first.
 * Our cursor is `{"at": <indexedAt of the newest item handed over>, "uris": [those at that instant]}`.
 * Plume never calls updateSeen: the account's unread count in the Bluesky app is left alone.
 * For a reply deeper in a thread, the top-level comment (its conversation) is found by reading the
 * parents with app.bsky.feed.getPosts, 25 a call, level by level.
 * Docs: docs.bsky.app/docs/api/app-bsky-notification-list-notifications, -feed-get-posts
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { InboxPage } from '../../inbox-contract.ts';
import { chunksOf } from '../../shared/batches.ts';
import { accountRepo, blueskyWebUrl, xrpcQuery } from '../client.ts';
import {
  INBOX_REASONS,
  kindOf,
  notificationsSchema,
  postRecordSchema,
  readingOf,
  recordOf,
  type BlueskyNotification,
} from '../inbox-notification.ts';

export const BLUESKY_INBOX_PAGE = 100;
/** Pages read back at most in one read (1,000 notifications); older new ones are skipped, see docs. */
const MAX_PAGES = 10;
const FIRST_READ_DAYS = 7;
/** Levels of parents walked up to find a reply's top-level comment. */
const MAX_THREAD_LEVELS = 8;

const cursorSchema = z.object({ at: z.string(), uris: z.array(z.string()) });
type Position = z.output<typeof cursorSchema>;

const postsSchema = z.looseObject({
  posts: z.array(z.looseObject({ uri: z.string(), record: z.unknown() })),
});

type Repo = ReturnType<typeof accountRepo>;

function readPosition(cursor: string | null, now: Date): Position {
  const floor = { at: new Date(now.getTime() - FIRST_READ_DAYS * 86_400_000).toISOString(), uris: [] };
  if (cursor === null) return floor;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(cursor));
    return parsed.success ? parsed.data : floor;
  } catch {
    return floor;
  }
}

function isNew(notification: BlueskyNotification, position: Position): boolean {
  const at = new Date(notification.indexedAt).toISOString();
  return at > position.at || (at === position.at && !position.uris.includes(notification.uri));
}

/** Every new notification (newest first as read), and whether the read stopped at its page limit. */
async function readNew(
  context: NetworkContext,
  repo: Repo,
  position: Position,
): Promise<{ found: BlueskyNotification[]; capped: boolean }> {
  const found: BlueskyNotification[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await xrpcQuery(context, {
      base: repo.base,
      nsid: 'app.bsky.notification.listNotifications',
      token: repo.token,
      params: {
        reasons: INBOX_REASONS,
        limit: String(BLUESKY_INBOX_PAGE),
        ...(cursor === undefined ? {} : { cursor }),
      },
      schema: notificationsSchema,
      what: 'read notifications',
    });
    const fresh = answer.notifications.filter(
      (item) => (INBOX_REASONS as readonly string[]).includes(item.reason) && isNew(item, position),
    );
    found.push(...fresh);
    const reachedOld = fresh.length < answer.notifications.length;
    cursor = answer.cursor;
    if (reachedOld || cursor === undefined || answer.notifications.length === 0) return { found, capped: false };
  }
  return { found, capped: true };
}

/** Parent URI of each post read, walking up from the replies' parents until each meets its root. */
async function topComments(
  context: NetworkContext,
  repo: Repo,
  replies: readonly BlueskyNotification[],
): Promise<Map<string, string>> {
  const parentOf = new Map<string, string | undefined>();
  const tops = new Map<string, string>();
  let pending = replies.map((item) => {
    const reply = recordOf(item).reply;
    return { item, root: reply?.root.uri ?? item.uri, at: reply?.parent.uri ?? item.uri };
  });
  for (let level = 0; level < MAX_THREAD_LEVELS && pending.length > 0; level += 1) {
    const unknown = [...new Set(pending.map((entry) => entry.at))].filter((uri) => !parentOf.has(uri));
    for (const uris of chunksOf(unknown, 25)) {
      const answer = await xrpcQuery(context, {
        base: repo.base,
        nsid: 'app.bsky.feed.getPosts',
        token: repo.token,
        params: { uris },
        schema: postsSchema,
        what: 'read the thread of a reply',
      });
      for (const post of answer.posts)
        parentOf.set(post.uri, postRecordSchema.safeParse(post.record).data?.reply?.parent.uri);
      for (const uri of uris) if (!parentOf.has(uri)) parentOf.set(uri, undefined);
    }
    pending = pending.flatMap((entry) => {
      const parent = parentOf.get(entry.at);
      // Top reached (its parent is the root), or the thread breaks (a deleted post): `at` is the top we know.
      if (parent === undefined || parent === entry.root) {
        tops.set(entry.item.uri, entry.at);
        return [];
      }
      return [{ ...entry, at: parent }];
    });
  }
  for (const entry of pending) tops.set(entry.item.uri, entry.at);
  return tops;
}

function nextPosition(handed: readonly BlueskyNotification[], position: Position): Position {
  const newest = handed.reduce(
    (at, item) => (new Date(item.indexedAt).toISOString() > at ? new Date(item.indexedAt).toISOString() : at),
    position.at,
  );
  const sameInstant = handed
    .filter((item) => new Date(item.indexedAt).toISOString() === newest)
    .map((item) => item.uri);
  return { at: newest, uris: newest === position.at ? [...position.uris, ...sameInstant] : sameInstant };
}

/** The account's replies, mentions and quotes newer than `cursor`, oldest first, at most `limit`. */
export async function listBlueskyInbox(
  context: NetworkContext,
  account: AccountAuth,
  options: { cursor: string | null; limit: number },
): Promise<InboxPage> {
  const repo = accountRepo(context, account);
  const position = readPosition(options.cursor, context.now());
  const { found, capped } = await readNew(context, repo, position);
  const oldestFirst = [...found].sort((a, b) => a.indexedAt.localeCompare(b.indexedAt) || a.uri.localeCompare(b.uri));
  const handed = oldestFirst.slice(0, Math.max(1, options.limit));
  const replies = handed.filter((item) => kindOf(item) === 'reply');
  const tops = await topComments(context, repo, replies);
  const links = {
    did: repo.did,
    web: blueskyWebUrl(context),
    topComment: (item: BlueskyNotification) => tops.get(item.uri) ?? item.uri,
  };
  return {
    items: handed.map((item) => readingOf(item, links)),
    cursor: handed.length === 0 ? options.cursor : JSON.stringify(nextPosition(handed, position)),
    more: oldestFirst.length > handed.length || capped,
  };
}
