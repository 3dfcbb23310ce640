/**
 * Reads the account's Reddit inbox (`GET /message/inbox`, scope privatemessages; `mark=false` so Plume
 * leaves the user's unread state alone; `raw_json=1` so bodies are not HTML-escaped): comments on our
 * posts, replies to our comments, username mentions and private messages, newest first, 100 a page,
 * following `after`. Reddit's `before` paging answers nothing once its anchor is deleted, so the cursor is
 * a time instead: the newest `created_utc` handed out and the fullnames at that second. The first read looks
 * back 7 days. When more than `limit` items are new, the oldest `limit` are returned with `more: true`.
 * The top-level comment of a reply (its conversation) is found by walking `parent_id` up with
 * `GET /api/info` (scope read), 100 fullnames a call.
 *
 * Docs: https://www.reddit.com/dev/api#GET_message_inbox, https://www.reddit.com/dev/api#GET_api_info
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { InboxItemReading, InboxPage } from '../../inbox-contract.ts';
import { redditEndpoint, redditGet, type RedditCaller } from '../client.ts';
import { listingSchema } from '../link-view.ts';
import { inboxThingSchema, kindOfThing, readingOfThing, type RedditInboxThing } from './inbox-things.ts';
import { callerOf } from './publish.ts';

const PAGE_SIZE = 100;
/** Reddit serves about 1,000 items of a listing. */
const MAX_PAGES = 10;
const FIRST_LOOK_BACK_SEC = 7 * 24 * 3600;
const MAX_PARENT_ROUNDS = 6;

const cursorSchema = z.object({ since: z.number(), ids: z.array(z.string()) });
type RedditInboxCursor = z.output<typeof cursorSchema>;

function parseCursor(cursor: string | null, now: Date): RedditInboxCursor {
  const fresh = { since: now.getTime() / 1000 - FIRST_LOOK_BACK_SEC, ids: [] };
  if (cursor === null) return fresh;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(cursor));
    return parsed.success ? parsed.data : fresh;
  } catch {
    return fresh;
  }
}

const isNew = (thing: RedditInboxThing, cursor: RedditInboxCursor): boolean =>
  thing.created_utc > cursor.since || (thing.created_utc === cursor.since && !cursor.ids.includes(thing.name));

/** The things of one listing page, private-message threads flattened (their `replies` are messages too). */
function thingsOf(listing: z.output<typeof listingSchema>): RedditInboxThing[] {
  return listing.data.children.flatMap((child) => {
    const parsed = inboxThingSchema.safeParse(child.data);
    if (!parsed.success) return [];
    const replies = listingSchema.safeParse((child.data as Record<string, unknown>)['replies']);
    return [parsed.data, ...(replies.success ? thingsOf(replies.data) : [])];
  });
}

/** Every inbox thing newer than the cursor, oldest first. */
async function readNewThings(
  context: NetworkContext,
  caller: RedditCaller,
  cursor: RedditInboxCursor,
): Promise<RedditInboxThing[]> {
  const found = new Map<string, RedditInboxThing>();
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE), raw_json: '1', mark: 'false' });
    if (after !== undefined) query.set('after', after);
    const listing = await redditGet(
      context,
      caller,
      `/message/inbox?${query.toString()}`,
      listingSchema,
      'read the inbox',
    );
    const things = thingsOf(listing);
    for (const thing of things) if (isNew(thing, cursor)) found.set(thing.name, thing);
    const next = listing.data.after ?? undefined;
    const reachedOld = listing.data.children.some((child) => {
      const created = (child.data as Record<string, unknown>)['created_utc'];
      return typeof created === 'number' && created < cursor.since;
    });
    if (reachedOld || next === undefined || next === after) break;
    after = next;
  }
  return [...found.values()].sort((a, b) => a.created_utc - b.created_utc || a.name.localeCompare(b.name));
}

const parentSchema = z.looseObject({ name: z.string(), parent_id: z.string().nullish() });

/** The top-level comment above each reply (by the reply's fullname), walking `parent_id` up. */
async function topLevelComments(
  context: NetworkContext,
  caller: RedditCaller,
  replies: readonly RedditInboxThing[],
): Promise<Map<string, string>> {
  const highest = new Map<string, string>();
  let pending = new Map<string, string[]>();
  for (const reply of replies) {
    const parent = reply.parent_id ?? '';
    if (!parent.startsWith('t1_')) continue;
    highest.set(reply.name, parent);
    pending.set(parent, [...(pending.get(parent) ?? []), reply.name]);
  }
  for (let round = 0; round < MAX_PARENT_ROUNDS && pending.size > 0; round += 1) {
    const next = new Map<string, string[]>();
    const names = [...pending.keys()];
    for (let start = 0; start < names.length; start += 100) {
      const ids = names.slice(start, start + 100).join(',');
      const listing = await redditGet(
        context,
        caller,
        `/api/info?id=${ids}&raw_json=1`,
        listingSchema,
        'read the comments above the replies',
      );
      for (const child of listing.data.children) {
        const comment = parentSchema.safeParse(child.data);
        const parent = comment.success ? (comment.data.parent_id ?? '') : '';
        if (!comment.success || !parent.startsWith('t1_')) continue;
        // Not top-level yet: every reply under it moves one level up.
        for (const reply of pending.get(comment.data.name) ?? []) {
          highest.set(reply, parent);
          next.set(parent, [...(next.get(parent) ?? []), reply]);
        }
      }
    }
    pending = next;
  }
  return highest;
}

export async function listRedditInbox(
  context: NetworkContext,
  account: AccountAuth,
  options: { cursor: string | null; limit: number },
): Promise<InboxPage> {
  const caller = callerOf(account);
  const cursor = parseCursor(options.cursor, context.now());
  const fresh = await readNewThings(context, caller, cursor);
  const taken = fresh.slice(0, Math.max(1, options.limit));
  const roots = await topLevelComments(
    context,
    caller,
    taken.filter((thing) => kindOfThing(thing) === 'reply'),
  );
  const web = redditEndpoint(context, 'web');
  const items: InboxItemReading[] = taken.flatMap((thing) => {
    const kind = kindOfThing(thing);
    return kind === null ? [] : [readingOfThing(thing, kind, { web, username: account.metadata['username'], roots })];
  });
  const last = taken.at(-1);
  if (last === undefined)
    return { items, cursor: options.cursor === null ? JSON.stringify(cursor) : null, more: false };
  const sameSecond = taken.filter((thing) => thing.created_utc === last.created_utc).map((thing) => thing.name);
  const ids = last.created_utc === cursor.since ? [...cursor.ids, ...sameSecond] : sameSecond;
  return { items, cursor: JSON.stringify({ since: last.created_utc, ids }), more: fresh.length > taken.length };
}
