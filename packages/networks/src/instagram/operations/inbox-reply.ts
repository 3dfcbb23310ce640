/**
 * Answering and moderating the Instagram inbox. A comment is answered with
 * `POST /{ig-comment-id}/replies` (a reply to a reply goes under its top-level comment: Instagram
 * threads one level deep); a message through the Send API, `POST /{ig-user-id}/messages` to the
 * person's Instagram-scoped id, allowed within 24 hours of their last message (Graph code 10,
 * subcode 2534022 after: `ReplyWindowClosed`). Instagram takes no idempotency key. Hiding is
 * `POST /{ig-comment-id}` with `hide=true`; deleting `DELETE /{ig-comment-id}`.
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishedItem } from '../../contract.ts';
import type { InboxItemRef, InboxReplyRequest, ModerationAction } from '../../inbox-contract.ts';
import { windowClosed } from '../../facebook/operations/inbox-reply.ts';
import { Permanent } from '../../provider-errors.ts';
import { instagramCall } from '../client.ts';

const createdSchema = z.looseObject({ id: z.coerce.string().min(1) });
const sentSchema = z.looseObject({ recipient_id: z.coerce.string().optional(), message_id: z.coerce.string().min(1) });
const successSchema = z.looseObject({ success: z.boolean().optional() });

/** Posts the reply as the account. */
export async function replyInstagramInbox(
  context: NetworkContext,
  account: AccountAuth,
  request: InboxReplyRequest,
): Promise<PublishedItem> {
  const { item } = request;
  if (item.kind === 'message') {
    const igUserId = account.metadata['igUserId'] ?? account.externalId;
    const recipient = item.meta['recipientId'] ?? item.conversationKey;
    try {
      const sent = await instagramCall(context, account.tokens, `/${encodeURIComponent(igUserId)}/messages`, {
        method: 'POST',
        body: { recipient: { id: recipient }, message: { text: request.text } },
        schema: sentSchema,
        what: 'send the message',
      });
      return { remoteId: sent.message_id, url: null };
    } catch (error) {
      throw windowClosed(error, 'Instagram');
    }
  }
  if (item.kind !== 'comment' && item.kind !== 'reply')
    throw new Permanent(`Plume cannot answer an Instagram ${item.kind}.`);
  const target = item.kind === 'reply' ? (item.parentRemoteId ?? item.conversationKey) : item.remoteId;
  const created = await instagramCall(context, account.tokens, `/${encodeURIComponent(target)}/replies`, {
    method: 'POST',
    body: { message: request.text },
    schema: createdSchema,
    what: 'reply to the comment',
  });
  return { remoteId: created.id, url: null };
}

/** Hides or deletes a comment on the account's media; one already deleted succeeds. */
export async function moderateInstagramInbox(
  context: NetworkContext,
  account: AccountAuth,
  input: { item: InboxItemRef; action: ModerationAction },
): Promise<void> {
  const { item, action } = input;
  if (item.kind !== 'comment' && item.kind !== 'reply')
    throw new Permanent('Instagram lets an account hide or delete comments only, not messages.');
  const path = `/${encodeURIComponent(item.remoteId)}`;
  if (action === 'hide') {
    await instagramCall(context, account.tokens, path, {
      method: 'POST',
      body: { hide: true },
      schema: successSchema,
      what: 'hide the comment',
    });
    return;
  }
  try {
    await instagramCall(context, account.tokens, path, {
      method: 'DELETE',
      schema: successSchema,
      what: 'delete the comment',
    });
  } catch (error) {
    // Code 100, subcode 33: the comment no longer exists.
    if (error instanceof Permanent && error.vendorCode === '100/33') return;
    throw error;
  }
}
