/**
 * Answers and moderates Reddit inbox items.
 * - Reply: `POST /api/comment` with `thing_id` = the item's fullname (`t1_` comment, `t4_` message; scope
 *   submit for comments, privatemessages for messages). Reddit has no idempotency key.
 * - Hide: `POST /api/remove` (`spam=false`, scope modposts) removes a comment from public view (its author
 *   and the moderators still see it). Reddit allows it only to the subreddit's moderators, which a user is
 *   on their own profile; elsewhere it answers 403. Deleting someone else's comment is not possible:
 *   `/api/del` deletes only the caller's own things.
 *
 * Docs: https://www.reddit.com/dev/api#POST_api_comment, https://www.reddit.com/dev/api#POST_api_remove
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishedItem } from '../../contract.ts';
import type { InboxItemRef, InboxReplyRequest, ModerationAction } from '../../inbox-contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { callNoContent } from '../../shared/network-call.ts';
import { bearer } from '../../shared/oauth2.ts';
import { redditEndpoint, redditPostForm, redditUserAgent } from '../client.ts';
import { redditFailureMapping } from '../errors.ts';
import { callerOf } from './publish.ts';

const FULLNAME = /^t[14]_[a-z0-9]+$/i;

const replied = z.looseObject({
  things: z
    .array(
      z.looseObject({
        data: z.looseObject({
          name: z.string().regex(FULLNAME),
          permalink: z.string().optional(),
          first_message_name: z.string().nullish(),
        }),
      }),
    )
    .min(1),
});

export async function replyToRedditInbox(
  context: NetworkContext,
  account: AccountAuth,
  request: InboxReplyRequest,
): Promise<PublishedItem> {
  const thing = request.item.remoteId;
  if (!FULLNAME.test(thing)) throw new Permanent('This is not a Reddit comment or message.', { vendorCode: 'bad_id' });
  const answer = await redditPostForm(
    context,
    callerOf(account),
    '/api/comment',
    { thing_id: thing, text: request.text },
    { schema: replied, what: 'reply on Reddit', subreddit: request.item.meta['subreddit'] ?? '' },
  );
  const data = answer.things[0]!.data;
  const web = redditEndpoint(context, 'web');
  if (data.name.startsWith('t4_')) {
    const first = (data.first_message_name ?? request.item.conversationKey).replace(/^t4_/, '');
    return { remoteId: data.name, url: `${web}/message/messages/${first}` };
  }
  return { remoteId: data.name, url: data.permalink === undefined ? null : `${web}${data.permalink}` };
}

export async function moderateRedditInbox(
  context: NetworkContext,
  account: AccountAuth,
  input: { item: InboxItemRef; action: ModerationAction },
): Promise<void> {
  if (input.action !== 'hide' || !input.item.remoteId.startsWith('t1_')) {
    throw new Permanent('Reddit can only remove (hide) comments, and only as a moderator.', {
      vendorCode: 'unsupported_moderation',
    });
  }
  try {
    await callNoContent(
      context.http,
      `${redditEndpoint(context, 'api')}/api/remove`,
      {
        method: 'POST',
        headers: {
          ...bearer(account.tokens),
          'user-agent': redditUserAgent(context.app?.clientId, account.metadata['username']),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ id: input.item.remoteId, spam: 'false' }).toString(),
      },
      { ...redditFailureMapping, what: 'remove the Reddit comment' },
    );
  } catch (error) {
    if (error instanceof Permanent && error.vendorCode === 'FORBIDDEN') {
      const subreddit = input.item.meta['subreddit'];
      const where = subreddit === undefined ? 'the subreddit' : `r/${subreddit}`;
      throw new Permanent(
        `Reddit lets only moderators remove comments, and this account does not moderate ${where} (or lacks the modposts permission; reconnect it).`,
        { vendorCode: 'not_moderator', cause: error },
      );
    }
    throw error;
  }
}
