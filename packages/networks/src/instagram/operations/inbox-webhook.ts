/**
 * Instagram's webhooks for the inbox: `object: instagram`, `comments` changes (a comment or reply on
 * the account's media, with `parent_id` for replies) and `messaging` events (direct messages,
 * `is_echo` for the account's own, `is_deleted` when unsent). The signature is Meta's
 * `X-Hub-Signature-256` with the Instagram app's secret. `mentions` changes carry ids only and are
 * skipped (docs/networks/instagram.md).
 * https://developers.facebook.com/docs/instagram-platform/webhooks
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api
 */
import { z } from 'zod';
import type { InboxItemReading, InboxWebhookOperations } from '../../inbox-contract.ts';
import { graphTime } from '../../facebook/inbox-window.ts';
import { parseMetaWebhook, verifyMetaSignature, type webhookEntrySchema } from '../../facebook/meta-webhook.ts';

const commentSchema = z.looseObject({
  id: z.coerce.string(),
  text: z.string().optional(),
  parent_id: z.coerce.string().optional(),
  from: z.looseObject({ id: z.coerce.string(), username: z.string().optional() }).optional(),
  media: z.looseObject({ id: z.coerce.string() }).optional(),
});

/** A `comments` change as an item. */
function commentItem(value: unknown, entry: z.output<typeof webhookEntrySchema>): InboxItemReading | undefined {
  const parsed = commentSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const comment = parsed.data;
  const parentId = comment.parent_id ?? null;
  const username = comment.from?.username ?? 'instagram user';
  const mediaId = comment.media?.id ?? null;
  return {
    remoteId: comment.id,
    kind: parentId === null ? 'comment' : 'reply',
    conversationKey: parentId ?? comment.id,
    parentRemoteId: parentId,
    postRemoteId: mediaId,
    author: {
      id: comment.from?.id ?? '',
      handle: username,
      displayName: username,
      profileUrl: `https://www.instagram.com/${username}/`,
    },
    text: comment.text ?? '',
    createdAt: graphTime(entry.time) ?? new Date(),
    url: null,
    fromAccount: comment.from?.id === entry.id,
    meta: mediaId === null ? {} : { mediaId },
  };
}

/** Instagram: comments and direct messages pushed by Meta. */
export const instagramInboxWebhook: InboxWebhookOperations = {
  verify: verifyMetaSignature,
  parse: (body) =>
    parseMetaWebhook(body, 'instagram', 'Instagram', (field, value, entry) =>
      field === 'comments' ? commentItem(value, entry) : undefined,
    ),
};
