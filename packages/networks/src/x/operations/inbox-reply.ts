/**
 * Answers and hides on X.
 * - Reply: POST /2/tweets with `reply.in_reply_to_tweet_id` = the item; X puts the reply in the item's
 *   conversation and addresses its author. The API has no idempotency key.
 * - Hide: PUT /2/tweets/:id/hidden `{"hidden": true}` (scope `tweet.moderate.write`), only replies in a
 *   conversation the account started. X gives no way to delete someone else's post.
 * Docs: docs.x.com/x-api/posts/create-post, …/posts/hide-reply
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishedItem } from '../../contract.ts';
import type { InboxItemRef, InboxReplyRequest, ModerationAction } from '../../inbox-contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { xJson } from '../client.ts';

const createdSchema = z.looseObject({ data: z.looseObject({ id: z.string().min(1) }) });
const hiddenSchema = z.looseObject({ data: z.looseObject({ hidden: z.boolean() }) });

export async function replyOnX(
  context: NetworkContext,
  account: AccountAuth,
  request: InboxReplyRequest,
): Promise<PublishedItem> {
  if (request.text.trim() === '') throw new Permanent('A reply on X needs text.');
  const created = await xJson(
    context,
    account.tokens,
    '/2/tweets',
    { method: 'POST', json: { text: request.text, reply: { in_reply_to_tweet_id: request.item.remoteId } } },
    createdSchema,
    'post the reply',
  );
  const handle = account.metadata['username'];
  const id = created.data.id;
  return {
    remoteId: id,
    url: handle === undefined ? `https://x.com/i/status/${id}` : `https://x.com/${handle}/status/${id}`,
  };
}

export async function moderateOnX(
  context: NetworkContext,
  account: AccountAuth,
  input: { item: InboxItemRef; action: ModerationAction },
): Promise<void> {
  if (input.action !== 'hide')
    throw new Permanent('X does not let you delete other people’s posts; hide the reply instead.');
  if (input.item.postRemoteId === null || input.item.kind === 'mention')
    throw new Permanent('X lets you hide replies only in conversations you started.');
  await xJson(
    context,
    account.tokens,
    `/2/tweets/${encodeURIComponent(input.item.remoteId)}/hidden`,
    { method: 'PUT', json: { hidden: true } },
    hiddenSchema,
    'hide the reply',
  );
}
