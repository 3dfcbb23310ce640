/**
 * The inbox side of the fake Bluesky PDS:
 * - docs.bsky.app/docs/api/app-bsky-notification-list-notifications: newest first, `limit` 1–100
 *   (default 50), `reasons` repeated to filter, `cursor` to page back in time (the AppView's cursor is
 *   the last item's sort time; here too). A deleted post's notification is left out, as the AppView does.
 * - com.atproto.repo.putRecord (docs.bsky.app/docs/api/com-atproto-repo-put-record) with `swapRecord`,
 *   which the threadgate (`app.bsky.feed.threadgate`, `hiddenReplies`) is written with.
 * Other people's posts live in `others` so getPosts (the AppView) can show them.
 */
import { createHash } from 'node:crypto';
import type { FakeRequest, FakeResponse, FakeRoute } from './fake-network-server.ts';

export interface FakeBlueskyOtherPost {
  uri: string;
  cid: string;
  authorDid: string;
  authorHandle: string;
  /** The app.bsky.feed.post record: text, createdAt, reply {root, parent}, embed… */
  record: Record<string, unknown>;
}

export interface FakeBlueskyNotification {
  uri: string;
  cid: string;
  author: { did: string; handle: string; displayName?: string };
  reason: string;
  reasonSubject?: string;
  record: Record<string, unknown>;
  indexedAt: string;
}

export interface FakeBlueskyInboxState {
  /** Other accounts' posts, by URI (getPosts shows them; deleting one drops its notification). */
  others: Map<string, FakeBlueskyOtherPost>;
  notifications: FakeBlueskyNotification[];
}

export interface InboxRouteDeps {
  state: FakeBlueskyInboxState;
  authorize: (request: FakeRequest) => { did: string } | FakeResponse;
  records: Map<string, { uri: string; cid: string; collection: string; rkey: string; value: Record<string, unknown> }>;
}

function invalid(message: string): FakeResponse {
  return { status: 400, body: { error: 'InvalidRequest', message } };
}

export function fakeCid(value: string): string {
  return `bafyrei${createHash('sha256').update(value).digest('hex').slice(0, 46)}`;
}

export function blueskyInboxRoutes(deps: InboxRouteDeps): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/xrpc/app.bsky.notification.listNotifications',
      handler: (request) => {
        const auth = deps.authorize(request);
        if (!('did' in auth)) return auth;
        const limit = Number(request.query.get('limit') ?? '50');
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid('limit must be between 1 and 100');
        const reasons = request.query.getAll('reasons');
        const cursor = request.query.get('cursor');
        const visible = deps.state.notifications
          .filter((item) => deps.state.others.has(item.uri) || !item.uri.includes('/app.bsky.feed.post/'))
          .filter((item) => reasons.length === 0 || reasons.includes(item.reason))
          .filter((item) => cursor === null || item.indexedAt < cursor)
          .sort((a, b) => b.indexedAt.localeCompare(a.indexedAt));
        const page = visible.slice(0, limit);
        const last = page.at(-1);
        return {
          body: {
            notifications: page.map((item) => ({
              uri: item.uri,
              cid: item.cid,
              author: item.author,
              reason: item.reason,
              ...(item.reasonSubject === undefined ? {} : { reasonSubject: item.reasonSubject }),
              record: { $type: 'app.bsky.feed.post', ...item.record },
              isRead: false,
              indexedAt: item.indexedAt,
            })),
            ...(last !== undefined && visible.length > limit ? { cursor: last.indexedAt } : {}),
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/xrpc/com.atproto.repo.putRecord',
      handler: (request) => {
        const auth = deps.authorize(request);
        if (!('did' in auth)) return auth;
        const body = (request.body ?? {}) as {
          repo?: string;
          collection?: string;
          rkey?: string;
          record?: Record<string, unknown>;
          swapRecord?: string | null;
        };
        if (body.repo !== auth.did) return { status: 401, body: { error: 'AuthenticationRequired', message: 'repo' } };
        const uri = `at://${body.repo}/${body.collection ?? ''}/${body.rkey ?? ''}`;
        const existing = deps.records.get(uri);
        if (body.swapRecord !== undefined && (body.swapRecord ?? undefined) !== existing?.cid)
          return { status: 400, body: { error: 'InvalidSwap', message: `Record was at ${existing?.cid ?? 'null'}` } };
        const cid = fakeCid(JSON.stringify(body.record));
        deps.records.set(uri, {
          uri,
          cid,
          collection: body.collection ?? '',
          rkey: body.rkey ?? '',
          value: body.record ?? {},
        });
        return { body: { uri, cid } };
      },
    },
  ];
}

let seeded = 0;

/** Adds another account's post and the notification the account gets for it; returns both. */
export function seedBlueskyNotification(
  state: FakeBlueskyInboxState,
  input: {
    author: { did: string; handle: string; displayName?: string };
    reason: 'reply' | 'mention' | 'quote' | 'like' | 'follow';
    text: string;
    indexedAt: string;
    reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } };
    reasonSubject?: string;
  },
): FakeBlueskyNotification {
  seeded += 1;
  const rkey = `3lseed${seeded.toString(36).padStart(7, '0')}`;
  const uri = `at://${input.author.did}/app.bsky.feed.post/${rkey}`;
  const record: Record<string, unknown> = {
    $type: 'app.bsky.feed.post',
    text: input.text,
    createdAt: input.indexedAt,
    ...(input.reply === undefined ? {} : { reply: input.reply }),
  };
  const cid = fakeCid(uri);
  state.others.set(uri, { uri, cid, authorDid: input.author.did, authorHandle: input.author.handle, record });
  const notification: FakeBlueskyNotification = {
    uri,
    cid,
    author: input.author,
    reason: input.reason,
    ...(input.reasonSubject === undefined ? {} : { reasonSubject: input.reasonSubject }),
    record,
    indexedAt: input.indexedAt,
  };
  state.notifications.push(notification);
  return notification;
}
