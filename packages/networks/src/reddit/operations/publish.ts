/**
 * Submits a self or link post (`POST /api/submit`, scope submit), then the first comment if any.
 * `resubmit=true` so a link posted before is not refused. Refusals come as 200 + `json.errors` and
 * mean nothing was posted; a lost answer to the submit is an unknown outcome and propagates untyped.
 *
 * Docs: https://www.reddit.com/dev/api#POST_api_submit
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishRequest, PublishResult } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { redditEndpoint, redditPostForm, type RedditCaller } from '../client.ts';
import { redditSettings } from '../manifest.ts';
import { postComment } from './comment.ts';
import { subredditName, titleAndBody } from './post-text.ts';
import { validateReddit } from './validate.ts';
import { partlyPublished } from '../../shared/partly-published.ts';

const submitted = z.looseObject({
  id: z.string().min(1),
  name: z.string().startsWith('t3_'),
  url: z.string().optional(),
});

/** The caller of an account: its tokens and the username the User-Agent names. */
export function callerOf(account: AccountAuth): RedditCaller {
  return { tokens: account.tokens, username: account.metadata['username'] };
}

export async function publishReddit(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
): Promise<PublishResult> {
  const issues = validateReddit(request);
  if (issues.length > 0)
    throw new Permanent(issues.map((issue) => issue.message).join(' '), { vendorCode: 'invalid_post' });
  const settings = redditSettings.parse(request.settings);
  const subreddit = subredditName(settings.subreddit);
  const { title, body } = titleAndBody(request, settings);

  const form: Record<string, string> = {
    sr: subreddit,
    kind: settings.kind,
    title,
    resubmit: 'true',
    sendreplies: String(settings.send_replies),
    nsfw: String(settings.nsfw),
    spoiler: String(settings.spoiler),
  };
  if (settings.kind === 'self') form['text'] = body;
  else form['url'] = request.link ?? '';
  if (settings.flair_id !== undefined) form['flair_id'] = settings.flair_id;
  if (settings.flair_text !== undefined) form['flair_text'] = settings.flair_text;

  const caller = callerOf(account);
  const post = await redditPostForm(context, caller, '/api/submit', form, {
    schema: submitted,
    what: 'submit the Reddit post',
    subreddit,
  });
  const result: PublishResult = { remoteId: post.name, url: postUrl(context, post.id, post.url), extra: [] };

  const comment = request.firstComment?.trim() ?? '';
  if (comment.length === 0) return result;
  try {
    return { ...result, extra: [await postComment(context, caller, post.name, comment)] };
  } catch (error) {
    // The post is live; failing the publish now would invite posting it again.
    throw partlyPublished('Reddit', result, [], 'the first comment', error);
  }
}

/** `https://www.reddit.com<permalink>`; the short `/comments/<id>/` form when no permalink came back. */
function postUrl(context: NetworkContext, id: string, url: string | undefined): string {
  const web = redditEndpoint(context, 'web');
  if (url !== undefined) {
    try {
      const parsed = new URL(url, web);
      if (parsed.pathname.includes('/comments/')) return `${web}${parsed.pathname}`;
    } catch {
      // fall through to the short form
    }
  }
  return `${web}/comments/${id}/`;
}
