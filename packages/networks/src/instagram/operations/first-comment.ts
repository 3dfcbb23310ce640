/**
 * The first comment under a new Instagram post (needs instagram_business_manage_comments). The post
 * already exists, so a failure here is reported as a
 * warning on the published post (PartlyPublished), never retried.
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments
 */
import { z } from 'zod';
import type { NetworkContext, PublishedItem, TokenSet } from '../../contract.ts';
import { instagramCall } from '../client.ts';

const commentSchema = z.looseObject({ id: z.coerce.string().min(1) });

/** Comments on `mediaId`; returns the comment; throws when the network refuses it. */
export async function postFirstComment(
  context: NetworkContext,
  tokens: TokenSet,
  mediaId: string,
  postUrl: string | null,
  text: string,
): Promise<PublishedItem[]> {
  const comment = await instagramCall(context, tokens, `/${mediaId}/comments`, {
    method: 'POST',
    body: { message: text },
    schema: commentSchema,
    what: 'post the first comment',
  });
  return [{ remoteId: comment.id, url: postUrl }];
}
