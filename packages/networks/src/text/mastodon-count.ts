import { findUrls } from './find-urls.ts';
import { splitGraphemes } from './graphemes.ts';

/** Mastodon's default `configuration.statuses.characters_reserved_per_url`. */
export const mastodonUrlLength = 23;

// Account::MENTION_RE: `@user` or `@user@domain`, not inside a word, URL path or `=` attribute.
const mentionPattern = /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?/giu;

/**
 * Status length as Mastodon's `StatusLengthValidator` counts it: every URL counts as `urlLength`
 * characters, a remote mention `@user@domain` only as `@user`, and the rest in grapheme clusters.
 * The content warning counts too: pass `spoilerText + text` to include it.
 *
 * @example countMastodon('hi @alice@example.social') // 9
 */
export function countMastodon(text: string, urlLength: number = mastodonUrlLength): number {
  let countable = '';
  let cursor = 0;
  for (const url of findUrls(text)) {
    countable += shortenMentions(text.slice(cursor, url.start)) + 'x'.repeat(urlLength);
    cursor = url.end;
  }
  countable += shortenMentions(text.slice(cursor));
  return splitGraphemes(countable).length;
}

function shortenMentions(text: string): string {
  return text.replace(mentionPattern, (_mention, username: string) => `@${username}`);
}
