/**
 * Reads the account's mentions on X: GET /2/users/:id/mentions, 100 a page, newest first, with
 * `since_id` = our cursor (the newest id handed over) or, on the first read, `start_time` 7 days back,
 * following `meta.next_token`; authors come from `expansions=author_id`. Replies to the user name them, so
 * comments and replies arrive here too: a post answering the conversation's first post (`referenced_tweets`
 * replied_to = `conversation_id`) of ours is a `comment`; deeper, it is a `reply`, grouped under the
 * conversation's top-level comment (found by looking the parents up, GET /2/tweets, 100 ids a call);
 * anything else is a `mention`, grouped by its conversation. Direct messages are not read (see docs).
 * Docs: docs.x.com/x-api/users/get-mentions, …/posts/get-posts-by-ids, …/fundamentals/conversation-id
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { InboxItemReading, InboxPage } from '../../inbox-contract.ts';
import { chunksOf } from '../../shared/batches.ts';
import { xJson } from '../client.ts';

const PAGE_SIZE = 100;
/** Pages read back at most per read (1,000 mentions); older new ones are skipped, see docs. */
const MAX_PAGES = 10;
const MAX_THREAD_LEVELS = 6;
const FIRST_READ_MS = 7 * 86_400_000;
const TWEET_FIELDS = 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets';

const postSchema = z.looseObject({
  id: z.string().min(1),
  text: z.string().default(''),
  author_id: z.string().optional(),
  created_at: z.string().optional(),
  conversation_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  referenced_tweets: z.array(z.looseObject({ type: z.string(), id: z.string() })).optional(),
});
type XPost = z.output<typeof postSchema>;

const userSchema = z.looseObject({
  id: z.string(),
  username: z.string(),
  name: z.string().optional(),
  profile_image_url: z.string().optional(),
});

const mentionsSchema = z.looseObject({
  data: z.array(postSchema).optional(),
  includes: z.looseObject({ users: z.array(userSchema).optional() }).optional(),
  meta: z.looseObject({ next_token: z.string().optional() }).optional(),
});

const lookupSchema = z.looseObject({ data: z.array(postSchema).optional() });

const compareIds = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** RFC 3339 without fractions, as the docs write times. */
const xTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const parentOf = (post: XPost): string | undefined =>
  post.referenced_tweets?.find((reference) => reference.type === 'replied_to')?.id;

interface Read {
  posts: XPost[];
  users: Map<string, z.output<typeof userSchema>>;
  capped: boolean;
}

async function readMentions(context: NetworkContext, account: AccountAuth, sinceId: string | null): Promise<Read> {
  const read: Read = { posts: [], users: new Map(), capped: true };
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({
      max_results: String(PAGE_SIZE),
      'tweet.fields': TWEET_FIELDS,
      expansions: 'author_id',
      'user.fields': 'profile_image_url',
    });
    if (sinceId !== null) query.set('since_id', sinceId);
    else query.set('start_time', xTime(new Date(context.now().getTime() - FIRST_READ_MS)));
    if (token !== undefined) query.set('pagination_token', token);
    const answer = await xJson(
      context,
      account.tokens,
      `/2/users/${encodeURIComponent(account.externalId)}/mentions?${query.toString()}`,
      { method: 'GET' },
      mentionsSchema,
      'read your mentions',
    );
    read.posts.push(...(answer.data ?? []));
    for (const user of answer.includes?.users ?? []) read.users.set(user.id, user);
    const next = answer.meta?.next_token;
    if (next === undefined || next === token || (answer.data ?? []).length === 0) {
      read.capped = false;
      break;
    }
    token = next;
  }
  read.posts.sort((a, b) => compareIds(a.id, b.id));
  return read;
}

/** Each post's author and parent, looked up level by level from the replies' parents and conversations. */
async function threadFacts(context: NetworkContext, account: AccountAuth, posts: readonly XPost[]) {
  const known = new Map<string, XPost>(posts.map((post) => [post.id, post]));
  let wanted = posts.flatMap((post) => [parentOf(post), post.conversation_id]);
  for (let level = 0; level < MAX_THREAD_LEVELS; level += 1) {
    const ids = [...new Set(wanted.filter((id): id is string => id !== undefined && !known.has(id)))];
    if (ids.length === 0) break;
    const found: XPost[] = [];
    for (const chunk of chunksOf(ids, 100)) {
      const query = new URLSearchParams({ ids: chunk.join(','), 'tweet.fields': TWEET_FIELDS });
      const answer = await xJson(
        context,
        account.tokens,
        `/2/tweets?${query.toString()}`,
        { method: 'GET' },
        lookupSchema,
        'read the conversation of a mention',
      );
      found.push(...(answer.data ?? []));
    }
    for (const post of found) known.set(post.id, post);
    wanted = found.filter((post) => parentOf(post) !== post.conversation_id).map(parentOf);
  }
  return known;
}

function readingOf(post: XPost, known: ReadonlyMap<string, XPost>, read: Read, me: string): InboxItemReading {
  const parent = parentOf(post);
  const conversation = post.conversation_id ?? post.id;
  const rootIsOurs = known.get(conversation)?.author_id === me;
  let top = post;
  for (let depth = 0; depth < 100; depth += 1) {
    const above = known.get(parentOf(top) ?? '');
    if (above === undefined || above.id === conversation) break;
    top = above;
  }
  const answersUs = rootIsOurs || post.in_reply_to_user_id === me;
  const kind = parent === undefined || !answersUs ? 'mention' : parent === conversation ? 'comment' : 'reply';
  const author = read.users.get(post.author_id ?? '');
  const handle = author?.username ?? post.author_id ?? '';
  return {
    remoteId: post.id,
    kind,
    conversationKey: kind === 'mention' ? conversation : kind === 'comment' ? post.id : top.id,
    parentRemoteId: kind === 'reply' ? (parent ?? null) : null,
    postRemoteId: rootIsOurs ? conversation : null,
    author: {
      id: post.author_id ?? handle,
      handle,
      displayName: author?.name ?? handle,
      ...(author?.profile_image_url === undefined ? {} : { avatarUrl: author.profile_image_url }),
      profileUrl: `https://x.com/${handle}`,
    },
    text: post.text,
    createdAt: new Date(post.created_at ?? Date.now()),
    url: `https://x.com/${handle}/status/${post.id}`,
    fromAccount: post.author_id === me,
    meta: { conversationId: conversation },
  };
}

/** Mentions, comments and replies newer than `cursor` (a post id), oldest first, at most `limit`. */
export async function listXInbox(
  context: NetworkContext,
  account: AccountAuth,
  options: { cursor: string | null; limit: number },
): Promise<InboxPage> {
  const read = await readMentions(context, account, options.cursor);
  const handed = read.posts.slice(0, Math.max(1, options.limit));
  const known = await threadFacts(context, account, handed);
  return {
    items: handed.map((post) => readingOf(post, known, read, account.externalId)),
    cursor: handed.at(-1)?.id ?? options.cursor,
    more: read.posts.length > handed.length || read.capped,
  };
}
