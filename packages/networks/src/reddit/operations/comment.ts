/**
 * Comments on a post (`POST /api/comment`, `thing_id=t3_…`, scope submit); used for the first comment.
 *
 * Docs: https://www.reddit.com/dev/api#POST_api_comment
 */
import { z } from 'zod';
import type { NetworkContext, PublishedItem } from '../../contract.ts';
import { redditEndpoint, redditPostForm, type RedditCaller } from '../client.ts';

const commented = z.looseObject({
  things: z
    .array(
      z.looseObject({ data: z.looseObject({ name: z.string().startsWith('t1_'), permalink: z.string().optional() }) }),
    )
    .min(1),
});

export async function postComment(
  context: NetworkContext,
  caller: RedditCaller,
  parent: string,
  text: string,
): Promise<PublishedItem> {
  const answer = await redditPostForm(
    context,
    caller,
    '/api/comment',
    { thing_id: parent, text },
    { schema: commented, what: 'post the first comment on Reddit' },
  );
  const comment = answer.things[0]!.data;
  const permalink = comment.permalink;
  return {
    remoteId: comment.name,
    url: permalink === undefined ? null : `${redditEndpoint(context, 'web')}${permalink}`,
  };
}
