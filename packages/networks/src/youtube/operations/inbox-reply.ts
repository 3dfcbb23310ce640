/**
 * Answering and moderating the channel's comments. A reply is `comments.insert` with
 * `snippet.parentId` = the thread's top-level comment (YouTube has no deeper level; 50 quota units).
 * Hiding is `comments.setModerationStatus` with `rejected` (the comment leaves public view; only the
 * video's owner may; 50 units). Deleting is `comments.delete`, which YouTube allows only for the
 * channel's own comments (50 units); a comment already gone counts as deleted.
 * https://developers.google.com/youtube/v3/docs/comments/insert
 * https://developers.google.com/youtube/v3/docs/comments/setModerationStatus
 * https://developers.google.com/youtube/v3/docs/comments/delete
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishedItem } from '../../contract.ts';
import type { InboxItemRef, InboxReplyRequest, ModerationAction } from '../../inbox-contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { bearer } from '../../shared/oauth2.ts';
import { channelIdOf } from '../data-api.ts';
import { youtubeVocabulary } from '../errors.ts';
import { googleJson, googleNoContent } from '../google-call.ts';
import { requireEndpoint } from '../google-oauth.ts';

const insertedSchema = z.looseObject({ id: z.string().min(1) });

/** Posts the reply as the channel. */
export async function replyYoutubeInbox(
  context: NetworkContext,
  account: AccountAuth,
  request: InboxReplyRequest,
): Promise<PublishedItem> {
  const { item } = request;
  if (item.kind !== 'comment' && item.kind !== 'reply')
    throw new Permanent(`Plume cannot answer a YouTube ${item.kind}.`);
  const url = new URL(`${requireEndpoint(context, 'api')}/comments`);
  url.searchParams.set('part', 'snippet');
  const inserted = await googleJson(
    context.http,
    url,
    {
      method: 'POST',
      headers: { ...bearer(account.tokens), 'content-type': 'application/json' },
      body: JSON.stringify({ snippet: { parentId: item.conversationKey, textOriginal: request.text } }),
    },
    { schema: insertedSchema, what: 'reply to the comment', now: context.now(), vocabulary: youtubeVocabulary },
  );
  const videoId = item.meta['videoId'];
  return {
    remoteId: inserted.id,
    url: videoId === undefined ? null : `https://www.youtube.com/watch?v=${videoId}&lc=${inserted.id}`,
  };
}

/** Hides (rejects) a comment on the channel's video, or deletes one of the channel's own comments. */
export async function moderateYoutubeInbox(
  context: NetworkContext,
  account: AccountAuth,
  input: { item: InboxItemRef; action: ModerationAction },
): Promise<void> {
  const { item, action } = input;
  const api = requireEndpoint(context, 'api');
  const options = { now: context.now(), vocabulary: youtubeVocabulary };
  if (action === 'delete') {
    if (item.authorId !== channelIdOf(account))
      throw new Permanent("YouTube deletes only the channel's own comments; hide this one instead.");
    const url = new URL(`${api}/comments`);
    url.searchParams.set('id', item.remoteId);
    await googleNoContent(
      context.http,
      url,
      { method: 'DELETE', headers: bearer(account.tokens) },
      { ...options, what: 'delete the comment', okStatuses: [404, 410] },
    );
    return;
  }
  const url = new URL(`${api}/comments/setModerationStatus`);
  url.searchParams.set('id', item.remoteId);
  url.searchParams.set('moderationStatus', 'rejected');
  await googleNoContent(
    context.http,
    url,
    { method: 'POST', headers: bearer(account.tokens) },
    { ...options, what: 'hide the comment' },
  );
}
