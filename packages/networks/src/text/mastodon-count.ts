/**
 * Status length as Mastodon's `StatusLengthValidator` counts it (Mastodon 4.x): the content warning
 * (`spoiler_text`) joined with the text, where each URL of `findMastodonUrls` counts as
 * `characters_reserved_per_url` (23) and a mention `@user@domain` as `@user`, measured in grapheme
 * clusters. A blank text counts nothing.
 */
import type { TextSpan } from './find-urls.ts';
import { splitGraphemes } from './graphemes.ts';
import { findMastodonUrls } from './mastodon-urls.ts';

/** Mastodon's default `configuration.statuses.characters_reserved_per_url`. */
export const mastodonUrlLength = 23;

// Account::MENTION_RE; a mention followed by `@`, a Latin accent or `://` is none (end_mention_match),
// nor one whose domain is over 253 characters (Extractor::MAX_DOMAIN_LENGTH).
const word = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';
const mentionPattern = new RegExp(
  `(?<![=/${word}])@([a-z0-9_]+(?:[.\\-]+[a-z0-9_]+)*)(?:@([${word}]+(?:[.\\-]+[${word}]+)*))?`,
  'giu',
);
const endMention =
  /^(?:[@＠]|[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF]|:\/\/)/i;
const maxDomainLength = 253;
const blank = /^\p{White_Space}*$/u;

type Entity = TextSpan & { replacement: string };

/**
 * @example countMastodon('hi @alice@example.social') // 9
 * @example countMastodon('x'.repeat(450), { spoilerText: 'y'.repeat(100) }) // 550
 */
export function countMastodon(text: string, options: { urlLength?: number; spoilerText?: string } = {}): number {
  return splitGraphemes((options.spoilerText ?? '') + countableText(text, options.urlLength ?? mastodonUrlLength))
    .length;
}

function countableText(text: string, urlLength: number): string {
  if (blank.test(text)) return '';
  const placeholder = 'x'.repeat(urlLength);
  const entities: Entity[] = [
    ...findMastodonUrls(text).map((span) => ({ ...span, replacement: placeholder })),
    ...findMentions(text),
  ];
  entities.sort((a, b) => a.start - b.start);
  let countable = '';
  let cursor = 0;
  for (const entity of entities) {
    if (entity.start < cursor) continue; // Extractor.remove_overlapping_entities: the earlier one wins
    countable += text.slice(cursor, entity.start) + entity.replacement;
    cursor = entity.end;
  }
  return countable + text.slice(cursor);
}

function findMentions(text: string): Entity[] {
  const mentions: Entity[] = [];
  for (const match of text.matchAll(mentionPattern)) {
    const end = match.index + match[0].length;
    if (endMention.test(text.slice(end)) || [...(match[2] ?? '')].length > maxDomainLength) continue;
    mentions.push({ start: match.index, end, replacement: `@${match[1]}` });
  }
  return mentions;
}
