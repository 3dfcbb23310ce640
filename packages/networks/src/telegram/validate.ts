/**
 * Telegram rules the manifest cannot express: with media the text is a caption of at most 1,024
 * characters, GIFs cannot be part of an album, and a message needs text or media.
 */
import type { PublishRequest } from '../contract.ts';
import { countText } from '../text/count-text.ts';
import { composedText } from './compose.ts';
import { TELEGRAM_CAPTION_LIMIT, TELEGRAM_TEXT_LIMIT } from './manifest.ts';

/** Plain-words problems with a request, one per offending part. */
export function validateForTelegram(request: PublishRequest): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  request.parts.forEach((part, index) => {
    const path = `parts.${index}`;
    const text = composedText(request, index);
    const length = countText(text, { kind: 'utf16_units' });
    if (part.media.length > 0 && length > TELEGRAM_CAPTION_LIMIT) {
      problems.push({
        path: `${path}.text`,
        message: `With images or videos Telegram allows at most ${TELEGRAM_CAPTION_LIMIT} characters of text.`,
      });
    } else if (length > TELEGRAM_TEXT_LIMIT) {
      problems.push({
        path: `${path}.text`,
        message: `With the link added the text is over ${TELEGRAM_TEXT_LIMIT} characters; shorten it.`,
      });
    }
    if (part.media.length > 1 && part.media.some((media) => media.kind === 'gif')) {
      problems.push({
        path: `${path}.media`,
        message: 'Telegram sends a GIF on its own; it cannot be part of an album.',
      });
    }
    if (text.trim() === '' && part.media.length === 0)
      problems.push({ path: `${path}.text`, message: 'A Telegram message needs text or media.' });
  });
  return problems;
}
