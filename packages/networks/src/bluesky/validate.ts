/**
 * Bluesky rules the manifest cannot express: the post text is also capped at 3,000 UTF-8 bytes, a
 * link added to the text must still fit 300 graphemes, videos are not posted, and a post needs text,
 * an image or a link card.
 */
import type { PublishRequest } from '../contract.ts';
import { countText } from '../text/count-text.ts';
import { composedText, readBlueskySettings, usesLinkCard } from './compose.ts';
import { BLUESKY_TEXT_BYTES, BLUESKY_TEXT_GRAPHEMES } from './manifest.ts';

/** Plain-words problems with a request, one per offending part. */
export function validateForBluesky(request: PublishRequest): { path: string; message: string }[] {
  const settings = readBlueskySettings(request);
  const problems: { path: string; message: string }[] = [];
  request.parts.forEach((part, index) => {
    const path = `parts.${index}`;
    const text = composedText(request, index, settings);
    if (countText(text, { kind: 'utf8_bytes' }) > BLUESKY_TEXT_BYTES) {
      problems.push({
        path: `${path}.text`,
        message: `Bluesky posts can be at most ${BLUESKY_TEXT_BYTES} bytes long; shorten the text.`,
      });
    } else if (text !== part.text && countText(text, { kind: 'graphemes' }) > BLUESKY_TEXT_GRAPHEMES) {
      problems.push({
        path: `${path}.text`,
        message: `With the link added the text is over ${BLUESKY_TEXT_GRAPHEMES} characters; shorten it.`,
      });
    }
    if (part.media.some((media) => media.kind === 'video')) {
      problems.push({
        path: `${path}.media`,
        message: 'Plume does not post videos to Bluesky yet; use up to 4 images.',
      });
    }
    const hasCard = index === 0 && usesLinkCard(request, settings);
    if (text.trim() === '' && part.media.length === 0 && !hasCard) {
      problems.push({ path: `${path}.text`, message: 'A Bluesky post needs text, an image or a link.' });
    }
  });
  return problems;
}
