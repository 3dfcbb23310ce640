/**
 * Answers and hides replies on Threads.
 * - Reply: a TEXT container with `reply_to_id` = the item (POST /{user-id}/threads), then
 *   POST /{user-id}/threads_publish. Threads has no idempotency key.
 * - Hide: POST /{reply-id}/manage_reply with `hide=true` (`threads_manage_replies`); only replies in the
 *   profile's own threads. Threads gives no way to delete someone else's reply.
 * Docs: developers.facebook.com/docs/threads/retrieve-and-manage-replies/create-replies,
 * …/retrieve-and-manage-replies/hide-replies
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishedItem } from '../../contract.ts';
import type { InboxItemRef, InboxReplyRequest, ModerationAction } from '../../inbox-contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { beforeCreate } from '../../shared/before-create.ts';
import { threadsGet, threadsPost } from '../client.ts';
import { prepareContainer } from './containers.ts';

const publishedSchema = z.looseObject({ id: z.string().min(1) });
const permalinkSchema = z.looseObject({ permalink: z.string().optional() });

export async function replyOnThreads(
  context: NetworkContext,
  account: AccountAuth,
  request: InboxReplyRequest,
): Promise<PublishedItem> {
  if (request.text.trim() === '') throw new Permanent('A Threads reply needs text.');
  const containerId = await beforeCreate('Preparing the reply on Threads failed', () =>
    prepareContainer(
      context,
      account,
      { text: request.text, media: [] },
      { replyTo: request.item.remoteId, replyControl: 'everyone' },
    ),
  );
  const published = await threadsPost(
    context,
    account.tokens.accessToken,
    `/${encodeURIComponent(account.externalId)}/threads_publish`,
    { creation_id: containerId },
    publishedSchema,
    'publish the reply',
  );
  let url: string | null = null;
  try {
    const media = await threadsGet(
      context,
      account.tokens.accessToken,
      `/${encodeURIComponent(published.id)}`,
      { fields: 'permalink' },
      permalinkSchema,
      'read the reply link',
    );
    url = media.permalink ?? null;
  } catch {
    // The reply exists; only its link is missing.
  }
  return { remoteId: published.id, url };
}

export async function moderateOnThreads(
  context: NetworkContext,
  account: AccountAuth,
  input: { item: InboxItemRef; action: ModerationAction },
): Promise<void> {
  if (input.action !== 'hide')
    throw new Permanent('Threads does not let you delete other people’s replies; hide the reply instead.');
  if (input.item.postRemoteId === null)
    throw new Permanent('Threads lets you hide replies only under your own threads.');
  await threadsPost(
    context,
    account.tokens.accessToken,
    `/${encodeURIComponent(input.item.remoteId)}/manage_reply`,
    { hide: 'true' },
    z.looseObject({ success: z.boolean().optional() }),
    'hide the reply',
  );
}
