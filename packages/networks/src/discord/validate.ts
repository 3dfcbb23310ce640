/**
 * Discord rules the manifest cannot express: the link must still fit the 2,000 characters, and a
 * message needs text or a file. Thread parts are refused by the manifest (threads unsupported).
 */
import type { PublishRequest } from '../contract.ts';
import { countText } from '../text/count-text.ts';
import { composedContent } from './compose.ts';
import { DISCORD_CONTENT_LIMIT } from './manifest.ts';

/** Plain-words problems with a request. */
export function validateForDiscord(request: PublishRequest): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const content = composedContent(request);
  const linkAdded = content !== request.parts[0].text;
  if (linkAdded && countText(content, { kind: 'utf16_units' }) > DISCORD_CONTENT_LIMIT) {
    problems.push({
      path: 'parts.0.text',
      message: `With the link added the message is over ${DISCORD_CONTENT_LIMIT} characters; shorten it.`,
    });
  }
  if (content.trim() === '' && request.parts[0].media.length === 0) {
    problems.push({ path: 'parts.0.text', message: 'A Discord message needs text or a file.' });
  }
  return problems;
}
