/**
 * Reddit's inbox things as `GET /message/inbox` returns them: `t1` comments (`type` `post_reply` on our
 * post, `comment_reply` on our comment, `username_mention` elsewhere) and `t4` private messages. Inbox
 * comments carry no `link_id`: the post is the segment after `/comments/` of their `context` permalink.
 * A thing whose author deleted it reads `[deleted]`; one moderators removed reads `[removed]`.
 *
 * Docs: https://www.reddit.com/dev/api#GET_message_inbox, https://github.com/reddit-archive/reddit/wiki/JSON
 */
import { z } from 'zod';
import type { InboxItemReading, InboxKind } from '../../inbox-contract.ts';

export const inboxThingSchema = z.looseObject({
  name: z.string().regex(/^t[14]_[a-z0-9]+$/i),
  author: z.string().nullish(),
  author_fullname: z.string().nullish(),
  body: z.string().default(''),
  created_utc: z.number(),
  parent_id: z.string().nullish(),
  first_message_name: z.string().nullish(),
  context: z.string().nullish(),
  subreddit: z.string().nullish(),
  subject: z.string().nullish(),
  type: z.string().nullish(),
  was_comment: z.boolean().optional(),
});
export type RedditInboxThing = z.output<typeof inboxThingSchema>;

/** What kind a thing is in the inbox; null for things Plume does not read (e.g. mod mail notices). */
export function kindOfThing(thing: RedditInboxThing): InboxKind | null {
  if (thing.name.startsWith('t4_')) return 'message';
  if (thing.type === 'post_reply') return 'comment';
  if (thing.type === 'comment_reply') return 'reply';
  if (thing.type === 'username_mention') return 'mention';
  return null;
}

/**
 * The post a comment sits under, from its context permalink.
 * @example linkOfContext('/r/test/comments/abc12/title/def34/?context=3') // 't3_abc12'
 */
export function linkOfContext(context: string | null | undefined): string | null {
  const match = /\/comments\/([a-z0-9]+)\//i.exec(context ?? '');
  return match === null ? null : `t3_${match[1]!.toLowerCase()}`;
}

const GONE_TEXTS = new Set(['[deleted]', '[removed]']);

/**
 * One inbox reading. `conversationKey` is what `roots` resolved (the top-level comment of a reply) or, as
 * the contract asks: the thread's first message for messages, the comment itself for a comment on our post,
 * the post for a mention.
 */
export function readingOfThing(
  thing: RedditInboxThing,
  kind: InboxKind,
  input: { web: string; username: string | undefined; roots: ReadonlyMap<string, string> },
): InboxItemReading {
  const author = thing.author ?? '[deleted]';
  const link = linkOfContext(thing.context);
  const gone = author === '[deleted]' || GONE_TEXTS.has(thing.body);
  const parent = thing.parent_id ?? null;
  const conversationKey =
    kind === 'message'
      ? (thing.first_message_name ?? thing.name)
      : kind === 'comment'
        ? thing.name
        : kind === 'mention'
          ? (link ?? thing.name)
          : (input.roots.get(thing.name) ?? parent ?? thing.name);
  const meta: Record<string, string> = {};
  if (link !== null) meta['linkId'] = link;
  if (thing.subreddit !== null && thing.subreddit !== undefined) meta['subreddit'] = thing.subreddit;
  if (thing.subject !== null && thing.subject !== undefined && kind === 'message') meta['subject'] = thing.subject;
  return {
    remoteId: thing.name,
    kind,
    conversationKey,
    // A comment answers our post itself, which is `postRemoteId`, not a parent item.
    parentRemoteId: kind === 'comment' || parent?.startsWith('t3_') === true ? null : parent,
    postRemoteId: kind === 'comment' || kind === 'reply' ? link : null,
    author: {
      id: thing.author_fullname ?? author,
      handle: `u/${author}`,
      displayName: author,
      ...(gone ? {} : { profileUrl: `${input.web}/user/${author}` }),
    },
    text: thing.body,
    createdAt: new Date(thing.created_utc * 1000),
    url: urlOf(thing, kind, input.web),
    fromAccount: input.username !== undefined && author.toLowerCase() === input.username.toLowerCase(),
    ...(gone ? { gone: true } : {}),
    meta,
  };
}

function urlOf(thing: RedditInboxThing, kind: InboxKind, web: string): string | null {
  if (kind === 'message') {
    const first = (thing.first_message_name ?? thing.name).replace(/^t4_/, '');
    return `${web}/message/messages/${first}`;
  }
  const context = thing.context;
  if (context === null || context === undefined || context.length === 0) return null;
  return `${web}${context.replace(/\?.*$/, '')}`;
}
