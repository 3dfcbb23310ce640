/**
 * Answers an inbox item on Mastodon: POST /api/v1/statuses with `in_reply_to_id` and the reply's
 * `Idempotency-Key` (kept by the server for an hour: a repeated send returns the status already made).
 * A status reaches only the accounts it names, so the reply starts with the item's author (or, for a
 * direct message, every other participant) unless the text already names them, as Mastodon's apps do.
 * The visibility is the item's own: `direct` for messages, never wider than what is answered.
 * Mastodon gives no way to hide or delete other people's replies (moderation is the server admins').
 * Docs: docs.joinmastodon.org/methods/statuses/#create
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishedItem } from '../../contract.ts';
import type { InboxReplyRequest } from '../../inbox-contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { instanceUrlOf, mastodonJson } from '../client.ts';

const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'];
const createdSchema = z.looseObject({ id: z.string().min(1), url: z.string().nullish(), uri: z.string().nullish() });

/** The reply's text with the accounts it must name in front, those it does not name yet. */
export function addressedText(text: string, accounts: readonly string[]): string {
  const named = (acct: string) => new RegExp(`(^|\\s)@${acct.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w@.-])`, 'i');
  const missing = accounts.filter((acct) => acct !== '' && !named(acct).test(text));
  return missing.length === 0 ? text : `${missing.map((acct) => `@${acct}`).join(' ')} ${text}`;
}

export async function replyOnMastodon(
  context: NetworkContext,
  account: AccountAuth,
  request: InboxReplyRequest,
): Promise<PublishedItem> {
  const { item } = request;
  if (request.text.trim() === '') throw new Permanent('A Mastodon reply needs text.');
  const stored = item.meta['visibility'];
  const visibility = item.kind === 'message' ? 'direct' : VISIBILITIES.includes(stored ?? '') ? stored : 'public';
  const mentions = (item.meta['mentions'] ?? '').split(' ').filter(Boolean);
  const created = await mastodonJson(
    context,
    instanceUrlOf(account.metadata),
    account.tokens,
    '/api/v1/statuses',
    {
      method: 'POST',
      headers: { 'idempotency-key': request.idempotencyKey },
      json: { status: addressedText(request.text, mentions), in_reply_to_id: item.remoteId, visibility },
    },
    createdSchema,
    'post the reply',
  );
  return { remoteId: created.id, url: created.url ?? created.uri ?? null };
}
