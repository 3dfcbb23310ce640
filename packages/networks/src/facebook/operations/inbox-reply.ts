/**
 * Answering and moderating the Page's inbox. A comment is answered with `POST /{comment-id}/comments`
 * (a reply to a reply goes under its top-level comment: Facebook threads two levels deep); a Messenger
 * message through the Send API, `POST /{page-id}/messages` to the person's PSID with
 * `messaging_type: RESPONSE`, which Messenger allows within 24 hours of their last message
 * (after that Graph answers code 10, subcode 2018278: `ReplyWindowClosed`). Graph takes no idempotency
 * key. Hiding is `POST /{comment-id}` with `is_hidden=true`; deleting `DELETE /{comment-id}`.
 * https://developers.facebook.com/docs/graph-api/reference/object/comments/
 * https://developers.facebook.com/docs/messenger-platform/reference/send-api/
 * https://developers.facebook.com/docs/messenger-platform/policy/policy-overview#24hours_window
 * https://developers.facebook.com/docs/graph-api/reference/comment/
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishedItem } from '../../contract.ts';
import type { InboxItemRef, InboxReplyRequest, ModerationAction } from '../../inbox-contract.ts';
import { Permanent, ReplyWindowClosed } from '../../provider-errors.ts';
import { endpoint, graphCall } from '../client.ts';
import { deleteFacebookPost } from './delete.ts';

const createdSchema = z.looseObject({ id: z.coerce.string().min(1) });
const sentSchema = z.looseObject({ recipient_id: z.coerce.string().optional(), message_id: z.coerce.string().min(1) });
const successSchema = z.looseObject({ success: z.boolean().optional() });

/** Graph's "outside the allowed window" refusals (Messenger, Instagram Messaging). */
const WINDOW_CODES = new Set(['10/2018278', '10/2534022']);

/** Rethrows a Send API refusal for a closed 24-hour window as `ReplyWindowClosed`. */
export function windowClosed(error: unknown, network: string): unknown {
  if (error instanceof Permanent && error.vendorCode !== undefined && WINDOW_CODES.has(error.vendorCode)) {
    return new ReplyWindowClosed(
      `${network} lets an account answer a message only within 24 hours of the person's last message, and this one is older. Answer in the ${network} app, or wait until they write again.`,
      { vendorCode: error.vendorCode, cause: error },
    );
  }
  return error;
}

/** Posts the reply as the Page. */
export async function replyFacebookInbox(
  context: NetworkContext,
  account: AccountAuth,
  request: InboxReplyRequest,
): Promise<PublishedItem> {
  const graph = endpoint(context, 'graph');
  const { item } = request;
  if (item.kind === 'message') {
    const pageId = account.metadata['pageId'] ?? account.externalId;
    const recipient = item.meta['recipientId'] ?? item.conversationKey;
    try {
      const sent = await graphCall(context, account.tokens, `${graph}/${encodeURIComponent(pageId)}/messages`, {
        method: 'POST',
        body: { recipient: { id: recipient }, messaging_type: 'RESPONSE', message: { text: request.text } },
        schema: sentSchema,
        what: 'send the message',
      });
      return { remoteId: sent.message_id, url: null };
    } catch (error) {
      throw windowClosed(error, 'Messenger');
    }
  }
  if (item.kind !== 'comment' && item.kind !== 'reply')
    throw new Permanent(`Plume cannot answer a Facebook ${item.kind}.`);
  const target = item.kind === 'reply' ? (item.parentRemoteId ?? item.conversationKey) : item.remoteId;
  const created = await graphCall(context, account.tokens, `${graph}/${encodeURIComponent(target)}/comments`, {
    method: 'POST',
    body: { message: request.text },
    schema: createdSchema,
    what: 'reply to the comment',
  });
  return { remoteId: created.id, url: `https://www.facebook.com/${created.id}` };
}

/** Hides or deletes a comment on the Page's post; one already deleted succeeds. */
export async function moderateFacebookInbox(
  context: NetworkContext,
  account: AccountAuth,
  input: { item: InboxItemRef; action: ModerationAction },
): Promise<void> {
  const { item, action } = input;
  if (item.kind !== 'comment' && item.kind !== 'reply')
    throw new Permanent('Facebook lets a Page hide or delete comments only, not messages.');
  if (action === 'delete') {
    await deleteFacebookPost(context, account, item.remoteId);
    return;
  }
  await graphCall(context, account.tokens, `${endpoint(context, 'graph')}/${encodeURIComponent(item.remoteId)}`, {
    method: 'POST',
    body: { is_hidden: true },
    schema: successSchema,
    what: 'hide the comment',
  });
}
