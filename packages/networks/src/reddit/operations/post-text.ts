/**
 * Title and body of a Reddit post. Without an explicit title the first line of the text becomes the
 * title and the rest the body (so the line is not said twice); a first line too long for a title is
 * shortened and the body keeps the whole text.
 */
import type { PublishRequest } from '../../contract.ts';
import { truncateToLimit } from '../../text/fit-text.ts';
import { TITLE_MAX_CHARS, type RedditSettings } from '../manifest.ts';

/** `r/pics`, `/r/pics/` and `pics` all mean `pics`. */
export function subredditName(raw: string | undefined): string {
  return (raw ?? '')
    .trim()
    .replace(/^\/?r\//i, '')
    .replace(/\/+$/, '');
}

/** The title and self-post body Reddit will get. */
export function titleAndBody(request: PublishRequest, settings: RedditSettings): { title: string; body: string } {
  const text = request.parts[0].text.trim();
  const explicit = request.title?.trim() ?? '';
  let title = explicit;
  let body = text;
  if (title.length === 0) {
    const [firstLine = '', ...rest] = text.split('\n');
    const fitted = truncateToLimit(firstLine.trim(), { max: TITLE_MAX_CHARS, method: { kind: 'utf16_units' } });
    title = fitted;
    if (fitted === firstLine.trim()) body = rest.join('\n').trim();
  }
  if (
    settings.kind === 'self' &&
    request.link !== undefined &&
    request.link.length > 0 &&
    !body.includes(request.link)
  ) {
    body = body.length === 0 ? request.link : `${body}\n\n${request.link}`;
  }
  return { title, body };
}
