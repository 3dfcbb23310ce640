/**
 * The first comment, posted by the same author right after the post. The post already exists, so a
 * failure here must not fail (or retry) the publish: it is dropped and the post is reported alone.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api
 */
import { z } from 'zod';
import type { NetworkContext, PublishedItem, TokenSet } from '../../contract.ts';
import { encodeUrn, linkedinRequest, readJson, restHeaders, restUrl } from '../client.ts';

const commentSchema = z.looseObject({ $URN: z.string().optional(), id: z.coerce.string().optional() }).optional();

/** Comments on `postUrn` as `actor`; returns the comment; throws when the network refuses it. */
export async function postFirstComment(
  context: NetworkContext,
  tokens: TokenSet,
  actor: string,
  postUrn: string,
  text: string,
): Promise<PublishedItem[]> {
  const what = 'post the first comment';
  const response = await linkedinRequest(
    context,
    restUrl(context, `/socialActions/${encodeUrn(postUrn)}/comments`),
    {
      method: 'POST',
      headers: restHeaders(tokens, { 'content-type': 'application/json' }),
      body: JSON.stringify({ actor, object: postUrn, message: { text } }),
    },
    what,
  );
  const header = response.headers.get('x-restli-id');
  const body = await readJson(response, commentSchema, what, 'POST');
  const commentUrn = body?.$URN ?? header ?? body?.id;
  if (commentUrn === undefined) return [];
  const url = `https://www.linkedin.com/feed/update/${postUrn}/?commentUrn=${encodeURIComponent(commentUrn)}`;
  return [{ remoteId: commentUrn, url }];
}
