/**
 * How a generated post becomes the text a network receives: the body, then its hashtags on their own
 * line. A hashtag the body already contains is not appended twice.
 */
const inlineTag = /(?<![\p{L}\p{N}_&/=?])#([\p{L}\p{N}_]+)/gu;

/** Hashtags written in the text itself, without '#'. */
export function findInlineHashtags(text: string): string[] {
  return Array.from(text.matchAll(inlineTag), (match) => match[1]!);
}

/**
 * @example composePost('Cold brew, explained.', ['coffee', 'ColdBrew']) // 'Cold brew, explained.\n\n#coffee #ColdBrew'
 */
export function composePost(text: string, hashtags: readonly string[]): string {
  const inline = new Set(findInlineHashtags(text).map((tag) => tag.toLowerCase()));
  const appended = hashtags.map((tag) => tag.replace(/^#/, '')).filter((tag) => !inline.has(tag.toLowerCase()));
  const body = text.trimEnd();
  if (appended.length === 0) return body;
  return `${body}${body ? '\n\n' : ''}${appended.map((tag) => `#${tag}`).join(' ')}`;
}
