/**
 * Reads comments on an organization page's recent posts: the page's posts of the last 30 days
 * (`GET /rest/posts?q=author`, newest first, scope r_organization_social), then each post's first-level
 * comments (`GET /rest/socialActions/{post}/comments`, 100 a page) and the nested comments under those
 * that have any (`GET /rest/socialActions/{comment}/comments`). LinkedIn has no feed of new comments for a
 * page, so every read walks these lists and keeps what is newer than the cursor: the newest `created.time`
 * handed out and the URNs at that millisecond. The first read looks back 7 days; over `limit` new items,
 * the oldest `limit` come back with `more: true`. Member profiles have no inbox: reading comments on a
 * member's posts needs r_member_social, which LinkedIn grants to no ordinary app, so their page is empty.
 *
 * Docs: https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api#find-posts-by-authors
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { InboxItemReading, InboxPage } from '../../inbox-contract.ts';
import { linkedinRequest, readJson, restHeaders, restUrl } from '../client.ts';
import { authorOf } from './publish.ts';
import {
  commentSchema,
  encodeRestliUrn,
  pageSchema,
  readingOfComment,
  urnOfComment,
  type LinkedInComment,
} from './inbox-comments.ts';

const POST_WINDOW_MS = 30 * 24 * 3600 * 1000;
const FIRST_LOOK_BACK_MS = 7 * 24 * 3600 * 1000;
const MAX_POSTS = 50;
const PAGE = 100;
const MAX_PAGES_PER_LIST = 5;

const cursorSchema = z.object({ since: z.number(), ids: z.array(z.string()) });
type Cursor = z.output<typeof cursorSchema>;

function parseCursor(cursor: string | null, now: Date): Cursor {
  const fresh = { since: now.getTime() - FIRST_LOOK_BACK_MS, ids: [] };
  if (cursor === null) return fresh;
  try {
    return cursorSchema.safeParse(JSON.parse(cursor)).data ?? fresh;
  } catch {
    return fresh;
  }
}

const postSchema = z.looseObject({
  id: z.string(),
  createdAt: z.number().optional(),
  publishedAt: z.number().optional(),
});

async function getPage<S extends z.ZodType>(
  context: NetworkContext,
  account: AccountAuth,
  path: string,
  schema: S,
  what: string,
): Promise<z.output<ReturnType<typeof pageSchema<S>>>> {
  const response = await linkedinRequest(
    context,
    restUrl(context, path),
    { method: 'GET', headers: restHeaders(account.tokens) },
    what,
  );
  return readJson(response, pageSchema(schema), what, 'GET');
}

/** Every element of a paged list, up to MAX_PAGES_PER_LIST pages. */
async function readAll<S extends z.ZodType>(
  context: NetworkContext,
  account: AccountAuth,
  path: (start: number) => string,
  schema: S,
  what: string,
): Promise<z.output<S>[]> {
  const all: z.output<S>[] = [];
  for (let page = 0; page < MAX_PAGES_PER_LIST; page += 1) {
    const answer = await getPage(context, account, path(page * PAGE), schema, what);
    all.push(...answer.elements);
    const total = answer.paging?.total;
    if (answer.elements.length < PAGE || (total !== undefined && (page + 1) * PAGE >= total)) break;
  }
  return all;
}

/** The organization's posts created in the last 30 days, newest first. */
async function recentPosts(context: NetworkContext, account: AccountAuth, author: string): Promise<string[]> {
  const query = new URLSearchParams({ q: 'author', author, count: String(MAX_POSTS), sortBy: 'CREATED' });
  const answer = await getPage(context, account, `/posts?${query.toString()}`, postSchema, 'list the page’s posts');
  const from = context.now().getTime() - POST_WINDOW_MS;
  return answer.elements.filter((post) => (post.createdAt ?? post.publishedAt ?? 0) >= from).map((post) => post.id);
}

/** A post's comments with the nested comments of those that have some. */
async function commentsOf(context: NetworkContext, account: AccountAuth, postUrn: string): Promise<LinkedInComment[]> {
  const list = (target: string) => (start: number) =>
    `/socialActions/${encodeRestliUrn(target)}/comments?start=${start}&count=${PAGE}`;
  const top = await readAll(context, account, list(postUrn), commentSchema, 'read the comments');
  const nested: LinkedInComment[] = [];
  for (const comment of top) {
    const urn = urnOfComment(comment);
    const count =
      comment.commentsSummary?.aggregatedTotalComments ?? comment.commentsSummary?.totalFirstLevelComments ?? 0;
    if (urn === undefined || count === 0) continue;
    nested.push(...(await readAll(context, account, list(urn), commentSchema, 'read the replies')));
  }
  return [...top, ...nested];
}

const isNew = (item: InboxItemReading, cursor: Cursor): boolean => {
  const time = item.createdAt.getTime();
  return time > cursor.since || (time === cursor.since && !cursor.ids.includes(item.remoteId));
};

export async function listLinkedInInbox(
  context: NetworkContext,
  account: AccountAuth,
  options: { cursor: string | null; limit: number },
): Promise<InboxPage> {
  const author = authorOf(account);
  if (!author.startsWith('urn:li:organization:')) return { items: [], cursor: null, more: false };
  const cursor = parseCursor(options.cursor, context.now());
  const fresh: InboxItemReading[] = [];
  for (const postUrn of await recentPosts(context, account, author)) {
    for (const comment of await commentsOf(context, account, postUrn)) {
      const item = readingOfComment(comment, postUrn, author);
      if (item !== null && isNew(item, cursor)) fresh.push(item);
    }
  }
  fresh.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.remoteId.localeCompare(b.remoteId));
  const items = fresh.slice(0, Math.max(1, options.limit));
  const last = items.at(-1);
  if (last === undefined)
    return { items, cursor: options.cursor === null ? JSON.stringify(cursor) : null, more: false };
  const time = last.createdAt.getTime();
  const atLast = items.filter((item) => item.createdAt.getTime() === time).map((item) => item.remoteId);
  const ids = time === cursor.since ? [...cursor.ids, ...atLast] : atLast;
  return { items, cursor: JSON.stringify({ since: time, ids }), more: fresh.length > items.length };
}
