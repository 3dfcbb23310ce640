/** A half-open range of UTF-16 indices, `[start, end)`. */
export type TextSpan = { start: number; end: number };

// A URL needs a scheme and must not be glued to a preceding word, handle or tag.
const urlPattern = /(?<![\p{L}\p{N}@$#])https?:\/\/[^\s<>"]+/giu;
const hasHost = /^https?:\/\/[^/?#]*[\p{L}\p{N}]/iu;
const trailingPunctuation = '.,:;!?\'"’”»)]}';

/**
 * Finds http(s) URLs the way networks link them: trailing sentence punctuation is not part of the URL,
 * a closing parenthesis is only when the URL opened one (`…/Foo_(bar)`).
 *
 * @example findUrls('see https://plume.dev.') // [{ start: 4, end: 21 }]
 */
export function findUrls(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(urlPattern)) {
    const url = trimTrailingPunctuation(match[0]);
    if (hasHost.test(url)) spans.push({ start: match.index, end: match.index + url.length });
  }
  return spans;
}

function trimTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0) {
    const last = url.charAt(end - 1);
    if (!trailingPunctuation.includes(last)) break;
    if (last === ')' && isParenBalanced(url.slice(0, end))) break;
    end -= 1;
  }
  return url.slice(0, end);
}

function isParenBalanced(url: string): boolean {
  return url.split('(').length === url.split(')').length;
}
