import { findUrls } from '@plume/networks/text/find-urls';

/** A piece of post text as a network renders it: plain, or a link, hashtag or mention. */
export interface TextSegment {
  kind: 'text' | 'link' | 'hashtag' | 'mention';
  value: string;
}

// Tags and mentions must not be glued to a preceding word (`a#b` is not a tag on any network).
const tagOrMention = /(?<![\p{L}\p{N}_])([#@][\p{L}\p{N}_]+(?:@[\w.-]+\.[a-z]{2,})?)/giu;

function splitTagsAndMentions(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(tagOrMention)) {
    if (match.index > last) segments.push({ kind: 'text', value: text.slice(last, match.index) });
    segments.push({ kind: match[0].startsWith('#') ? 'hashtag' : 'mention', value: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', value: text.slice(last) });
  return segments;
}

/**
 * Splits post text into the parts a network highlights, URLs first (a `#` inside a URL is not a tag).
 * @example highlightText('Hi #plume https://a.b') // text, hashtag, text, link
 */
export function highlightText(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const span of findUrls(text)) {
    segments.push(...splitTagsAndMentions(text.slice(last, span.start)));
    segments.push({ kind: 'link', value: text.slice(span.start, span.end) });
    last = span.end;
  }
  segments.push(...splitTagsAndMentions(text.slice(last)));
  return segments;
}
