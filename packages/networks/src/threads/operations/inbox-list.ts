/**
 * Reads the replies to the profile's recent threads. Threads has no account-wide inbox feed: the
 * profile's threads of the last 7 days are listed (GET /me/threads with `since`, replies left out by
 * `is_reply`), then each thread's whole conversation (GET /{media-id}/conversation, every depth,
 * `reverse=false`, 100 a page, `after` cursors). A reply to the thread itself is a `comment`; a reply to
 * a reply is a `reply`, grouped under its top-level comment; the profile's own replies are handed too
 * (`fromAccount`). Our cursor is `{"at": <timestamp of the newest item handed>, "ids": [those at it]}`.
 * Replies to threads older than 7 days, mentions and direct messages are not read (see docs).
 * Docs: developers.facebook.com/docs/threads/retrieve-and-manage-replies, …/threads-media
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { InboxItemReading, InboxPage } from '../../inbox-contract.ts';
import { threadsGet } from '../client.ts';

const WATCH_DAYS = 7;
const PAGE_SIZE = 100;
/** Pages read at most per list (posts) and per conversation: a safety stop. */
const MAX_PAGES = 10;
const REPLY_FIELDS =
  'id,text,username,timestamp,permalink,replied_to,root_post,is_reply_owned_by_me,hide_status,media_type';

const pagingSchema = z
  .looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() })
  .optional();

const postsSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string(), timestamp: z.string(), is_reply: z.boolean().optional() })),
  paging: pagingSchema,
});

const replySchema = z.looseObject({
  id: z.string().min(1),
  text: z.string().optional(),
  username: z.string().default(''),
  timestamp: z.string(),
  permalink: z.string().optional(),
  replied_to: z.looseObject({ id: z.string() }).optional(),
  root_post: z.looseObject({ id: z.string() }).optional(),
  is_reply_owned_by_me: z.boolean().optional(),
  hide_status: z.string().optional(),
});
type ThreadsReply = z.output<typeof replySchema>;

const conversationSchema = z.looseObject({ data: z.array(replySchema), paging: pagingSchema });

const cursorSchema = z.object({ at: z.string(), ids: z.array(z.string()) });
type Position = z.output<typeof cursorSchema>;

function readPosition(cursor: string | null, floor: Date): Position {
  const start = { at: floor.toISOString(), ids: [] };
  if (cursor === null) return start;
  try {
    return cursorSchema.safeParse(JSON.parse(cursor)).data ?? start;
  } catch {
    return start;
  }
}

const instant = (timestamp: string): string => new Date(timestamp).toISOString();

/** Every page of a list, following `paging.cursors.after` while `paging.next` is there. */
async function readAll<T>(
  read: (after: string | undefined) => Promise<{ data: T[]; paging?: z.output<typeof pagingSchema> }>,
): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await read(after);
    all.push(...answer.data);
    const next = answer.paging?.cursors?.after;
    if (answer.paging?.next === undefined || next === undefined || next === after || answer.data.length === 0) break;
    after = next;
  }
  return all;
}

async function recentThreads(context: NetworkContext, account: AccountAuth, since: Date): Promise<string[]> {
  const posts = await readAll((after) =>
    threadsGet(
      context,
      account.tokens.accessToken,
      '/me/threads',
      {
        fields: 'id,timestamp,is_reply',
        since: String(Math.floor(since.getTime() / 1000)),
        limit: String(PAGE_SIZE),
        ...(after === undefined ? {} : { after }),
      },
      postsSchema,
      'list your recent threads',
    ),
  );
  return posts.filter((post) => post.is_reply !== true).map((post) => post.id);
}

async function conversationOf(context: NetworkContext, account: AccountAuth, postId: string): Promise<ThreadsReply[]> {
  return readAll((after) =>
    threadsGet(
      context,
      account.tokens.accessToken,
      `/${encodeURIComponent(postId)}/conversation`,
      { fields: REPLY_FIELDS, reverse: 'false', limit: String(PAGE_SIZE), ...(after === undefined ? {} : { after }) },
      conversationSchema,
      'read the replies to your thread',
    ),
  );
}

/** The item a reply is, with its conversation's top-level comment found among the thread's replies. */
function readingOf(reply: ThreadsReply, postId: string, byId: ReadonlyMap<string, ThreadsReply>): InboxItemReading {
  const parent = reply.replied_to?.id ?? postId;
  let top = reply;
  for (let depth = 0; depth < 100; depth += 1) {
    const above = byId.get(top.replied_to?.id ?? '');
    if (above === undefined) break;
    top = above;
  }
  const isComment = parent === postId;
  return {
    remoteId: reply.id,
    kind: isComment ? 'comment' : 'reply',
    conversationKey: top.id,
    parentRemoteId: isComment ? null : parent,
    postRemoteId: reply.root_post?.id ?? postId,
    author: {
      id: reply.username,
      handle: reply.username,
      displayName: reply.username,
      profileUrl: `https://www.threads.net/@${reply.username}`,
    },
    text: reply.text ?? '',
    createdAt: new Date(reply.timestamp),
    url: reply.permalink ?? null,
    fromAccount: reply.is_reply_owned_by_me === true,
    meta: { hideStatus: reply.hide_status ?? 'NOT_HUSHED' },
  };
}

/** Replies to the profile's threads of the last 7 days newer than `cursor`, oldest first, at most `limit`. */
export async function listThreadsInbox(
  context: NetworkContext,
  account: AccountAuth,
  options: { cursor: string | null; limit: number },
): Promise<InboxPage> {
  const floor = new Date(context.now().getTime() - WATCH_DAYS * 86_400_000);
  const position = readPosition(options.cursor, floor);
  const fresh: InboxItemReading[] = [];
  for (const postId of await recentThreads(context, account, floor)) {
    const replies = await conversationOf(context, account, postId);
    const byId = new Map(replies.map((reply) => [reply.id, reply]));
    for (const reply of replies) {
      const at = instant(reply.timestamp);
      if (at > position.at || (at === position.at && !position.ids.includes(reply.id)))
        fresh.push(readingOf(reply, postId, byId));
    }
  }
  fresh.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.remoteId.localeCompare(b.remoteId));
  const items = fresh.slice(0, Math.max(1, options.limit));
  const last = items.at(-1);
  if (last === undefined) return { items, cursor: options.cursor, more: false };
  const at = last.createdAt.toISOString();
  const ids = items.filter((item) => item.createdAt.toISOString() === at).map((item) => item.remoteId);
  const next = { at, ids: at === position.at ? [...position.ids, ...ids] : ids };
  return { items, cursor: JSON.stringify(next), more: fresh.length > items.length };
}
