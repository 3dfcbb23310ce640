/**
 * The fake's own status length check, written from Mastodon's `StatusLengthValidator` (4.x) and its
 * docs ("URLs count as 23 characters", docs.joinmastodon.org/user/posting), deliberately NOT Plume's
 * counter: a bug there must not pass both sides. Minimal on purpose: the content warning joined with
 * the text; a link (a scheme Mastodon links, a host with a dot and a letter TLD) counts as
 * `characters_reserved_per_url`, its trailing punctuation not included; `@user@domain` counts as
 * `@user`; the result in grapheme clusters.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const link =
  /(?<![A-Za-z0-9@$#])(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini):\/\/[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?::\d+)?(?:\/[^\s<>()?]*)?/giu;
const trailing = /[.,;:!?*"'~&|@$%=\]\[]+$/u;
const remoteMention = /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+)@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;

export function statusLength(text: string, spoilerText: string, charactersPerUrl: number): number {
  const countable = text
    .replace(link, (url) => {
      const kept = url.replace(trailing, '');
      return 'x'.repeat(charactersPerUrl) + url.slice(kept.length);
    })
    .replace(remoteMention, (_mention, user: string) => `@${user}`);
  return [...segmenter.segment(spoilerText + (text.trim() === '' ? '' : countable))].length;
}
