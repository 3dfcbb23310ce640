/**
 * Answers and deletes comments on an organization page's posts (scope w_organization_social).
 * - Reply: a nested comment, `POST /rest/socialActions/{top-level comment}/comments` with `parentComment`
 *   = that comment and `object` = the post. LinkedIn nests one level only, so a reply to a nested comment
 *   goes under its top-level comment. LinkedIn has no idempotency key.
 * - Delete: `DELETE /rest/socialActions/{post, or the parent comment of a nested one}/comments/{id}?actor=`
 *   the page; a page's admins may delete others' comments on the page's posts. Already gone (404) succeeds.
 *   LinkedIn has no way to hide a comment through the API.
 *
 * Docs: https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api
 */
import { discardBody } from '@plume/http/response-body';
import type { AccountAuth, NetworkContext, PublishedItem } from '../../contract.ts';
import type { InboxItemRef, InboxReplyRequest, ModerationAction } from '../../inbox-contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { send } from '../../shared/network-call.ts';
import { linkedinRequest, readJson, restHeaders, restUrl } from '../client.ts';
import { linkedinFailure } from '../errors.ts';
import { commentIdOf, commentSchema, encodeRestliUrn, urnOfComment } from './inbox-comments.ts';
import { authorOf, linkedinPostUrl } from './publish.ts';

function postOf(item: InboxItemRef): string {
  const post = item.meta['object'] ?? item.postRemoteId;
  if (post === undefined || post === null)
    throw new Permanent('Plume does not know which LinkedIn post this comment is on.');
  return post;
}

export async function replyToLinkedInInbox(
  context: NetworkContext,
  account: AccountAuth,
  request: InboxReplyRequest,
): Promise<PublishedItem> {
  const { item } = request;
  const parent = item.kind === 'reply' ? item.conversationKey : item.remoteId;
  const object = postOf(item);
  const what = 'reply to the comment';
  const response = await linkedinRequest(
    context,
    restUrl(context, `/socialActions/${encodeRestliUrn(parent)}/comments`),
    {
      method: 'POST',
      headers: restHeaders(account.tokens, { 'content-type': 'application/json' }),
      body: JSON.stringify({
        actor: authorOf(account),
        object,
        message: { text: request.text },
        parentComment: parent,
      }),
    },
    what,
  );
  const header = response.headers.get('x-restli-id');
  const body = await readJson(response, commentSchema.partial().optional(), what, 'POST');
  const urn = (body === undefined ? undefined : urnOfComment({ ...body, actor: '', created: { time: 0 } })) ?? header;
  if (urn === null || urn === undefined) throw new Permanent('LinkedIn did not say which comment it created.');
  const post = item.postRemoteId ?? object;
  return { remoteId: urn, url: `${linkedinPostUrl(post)}?commentUrn=${encodeURIComponent(urn)}` };
}

export async function moderateLinkedInInbox(
  context: NetworkContext,
  account: AccountAuth,
  input: { item: InboxItemRef; action: ModerationAction },
): Promise<void> {
  const { item, action } = input;
  if (action !== 'delete')
    throw new Permanent('LinkedIn cannot hide comments; delete it instead.', { vendorCode: 'unsupported_moderation' });
  const id = commentIdOf(item.remoteId);
  if (id === undefined) throw new Permanent('This is not a LinkedIn comment.', { vendorCode: 'bad_id' });
  const target = item.parentRemoteId ?? postOf(item);
  const query = new URLSearchParams({ actor: authorOf(account) });
  const response = await send(
    context.http,
    restUrl(context, `/socialActions/${encodeRestliUrn(target)}/comments/${id}?${query.toString()}`),
    {
      method: 'DELETE',
      headers: restHeaders(account.tokens),
    },
  );
  if (response.ok || response.status === 404 || response.status === 410) {
    await discardBody(response);
    return;
  }
  throw await linkedinFailure(response, 'delete the comment');
}
