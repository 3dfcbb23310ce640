/**
 * Reddit checks the manifest cannot express: a subreddit (required, no default), a title, a link for
 * link posts, no media (not supported), and the self-post body limit.
 */
import type { PublishRequest } from '../../contract.ts';
import { SELF_TEXT_MAX_CHARS, TITLE_MAX_CHARS, redditSettings } from '../manifest.ts';
import { subredditName, titleAndBody } from './post-text.ts';

type Issue = { path: string; message: string };

/** Subreddit names: 3–21 letters, digits or underscores (a few old ones are 2 long). */
const SUBREDDIT = /^[A-Za-z0-9][A-Za-z0-9_]{1,20}$/;

/** Problems in plain words; an empty list means Reddit should accept the post. */
export function validateReddit(request: PublishRequest): Issue[] {
  const parsed = redditSettings.safeParse(request.settings);
  if (!parsed.success) return [{ path: 'settings', message: 'The Reddit settings are not valid.' }];
  const settings = parsed.data;
  const issues: Issue[] = [];
  const subreddit = subredditName(settings.subreddit);
  if (subreddit.length === 0)
    issues.push({ path: 'settings.subreddit', message: 'Reddit needs a subreddit to post in.' });
  else if (!SUBREDDIT.test(subreddit))
    issues.push({ path: 'settings.subreddit', message: `"${subreddit}" is not a subreddit name.` });

  const { title, body } = titleAndBody(request, settings);
  if (title.length === 0)
    issues.push({ path: 'title', message: 'Reddit needs a title: add one, or start the text with it.' });
  if ((request.title?.trim().length ?? 0) > TITLE_MAX_CHARS) {
    issues.push({ path: 'title', message: `Reddit titles are at most ${TITLE_MAX_CHARS} characters.` });
  }
  if (settings.kind === 'link' && (request.link === undefined || request.link.length === 0)) {
    issues.push({ path: 'link', message: 'A Reddit link post needs a link.' });
  }
  if (settings.kind === 'self' && body.length > SELF_TEXT_MAX_CHARS) {
    issues.push({
      path: 'parts.0.text',
      message: `Reddit text posts are at most ${SELF_TEXT_MAX_CHARS.toLocaleString('en')} characters.`,
    });
  }
  if (request.parts[0].media.length > 0) {
    issues.push({
      path: 'parts.0.media',
      message: 'Plume cannot post images or videos to Reddit; remove them or post a link.',
    });
  }
  return issues;
}
