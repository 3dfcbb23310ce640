/**
 * The first comment, posted as the Page under its new post. The post already exists, so a failure
 * here is dropped instead of failing (and retrying) the publish.
 * https://developers.facebook.com/docs/graph-api/reference/object/comments/
 */
import { z } from 'zod';
import type { NetworkContext, PublishedItem, TokenSet } from '../../contract.ts';
import { endpoint, graphCall } from '../client.ts';

const commentSchema = z.looseObject({ id: z.coerce.string().min(1) });

/** Comments on `postId`; returns the comment; throws when the network refuses it. */
export async function postFirstComment(
  context: NetworkContext,
  tokens: TokenSet,
  postId: string,
  text: string,
): Promise<PublishedItem[]> {
  const comment = await graphCall(context, tokens, `${endpoint(context, 'graph')}/${postId}/comments`, {
    method: 'POST',
    body: { message: text },
    schema: commentSchema,
    what: 'post the first comment',
  });
  return [{ remoteId: comment.id, url: `https://www.facebook.com/${comment.id}` }];
}
