/**
 * Mastodon's count, expected values worked out by hand from Mastodon 4.x's source (not from Plume's
 * functions): StatusLengthValidator (`[spoiler_text, countable_text(text)].join`, URL_PLACEHOLDER
 * 'x' * 23, `@user@domain` → `@user`, blank text → ''), app/lib/extractor.rb, Account::MENTION_RE,
 * config/initializers/twitter_regex.rb and twitter-text 3.1's regex.rb/extractor.rb.
 */
import { describe, expect, it } from 'vitest';
import { countText } from './count-text.ts';
import { fitsLimit, truncateToLimit } from './fit-text.ts';
import { findMastodonUrls } from './mastodon-urls.ts';

const mastodon = { kind: 'mastodon' } as const;

describe('Mastodon: the content warning counts with the text', () => {
  it('refuses a 100-character warning with 450 characters of text at 500', () => {
    const method = { kind: 'mastodon', spoilerText: 'w'.repeat(100) } as const;
    expect(countText('t'.repeat(450), method)).toBe(550);
    expect(fitsLimit('t'.repeat(450), { max: 500, method }).fits).toBe(false);
    expect(fitsLimit('t'.repeat(400), { max: 500, method }).fits).toBe(true);
  });

  it('truncates the text so that warning and text fit together', () => {
    const method = { kind: 'mastodon', spoilerText: 'w'.repeat(100) } as const;
    const cut = truncateToLimit('word '.repeat(100), { max: 500, method });
    expect(countText(cut, method)).toBeLessThanOrEqual(500);
    expect(cut.length).toBeGreaterThan(390);
  });

  it('counts only the warning when the text is blank', () => {
    expect(countText('   ', { kind: 'mastodon', spoilerText: 'cw' })).toBe(2);
  });
});

describe('Mastodon: which URLs count as 23', () => {
  it.each([
    ['日本https://example.com', 2 + 23], // valid_url_preceding_chars only refuses A-Z 0-9 @ $ #
    ['見てhttps://example.com/a', 2 + 23],
    ['xhttps://example.com', 20], // glued to a Latin letter: no URL
    ['gemini://example.com/x', 23],
    ['gopher://example.org', 23],
    ['ipfs://example.com/a', 23],
    ['ftp://example.com', 17], // not in Mastodon's schemes, and a URL needs one
    ['example.com', 11],
    ['http://localhost:3000/x', 23],
    ['https://192.168.1.1/a', 21],
    ['https://foo.zzzz', 16], // unknown TLD
    ['https://user:pass@example.com', 29],
    ['https://example.com/a~', 23 + 1], // ~ & | @ cannot end a path
    ['https://example.com/a&', 23 + 1],
    ['https://example.com/say"hi"', 23 + 1], // " is a path character, not a last one
    ['https://example.com/a.', 23 + 1],
    ['(https://en.wikipedia.org/wiki/Foo_(bar))', 1 + 23 + 1],
    ['https://t.co/abc?x=1', 23 + 4], // t.co URLs stop before the query
  ])('%j counts %i', (text, expected) => {
    expect(countText(text, mastodon)).toBe(expected);
  });

  it('takes a URL of 4,096 characters and none of 4,097 (twitter-text MAX_URL_LENGTH)', () => {
    expect(countText(`https://example.com/${'a'.repeat(4076)}`, mastodon)).toBe(23);
    expect(countText(`https://example.com/${'a'.repeat(4077)}`, mastodon)).toBe(4097);
  });

  it('finds the URL after CJK text at its real position', () => {
    expect(findMastodonUrls('日本https://example.com')).toEqual([{ start: 2, end: 21 }]);
  });
});

describe('Mastodon: mentions', () => {
  it.each([
    ['hi @alice@example.social', 9],
    ['@a@b.c@', 7], // followed by @ (end_mention_match): no mention
    ['@alice@exámple.org', 6], // Latin accents are mention domain characters: one mention
    ['@alice@example.orgé', 6],
    ['@bob://x', 8], // followed by :// : no mention
    [`@a@${'d'.repeat(250)}.com`, 2 + 1 + 254], // domain over 253 characters: no mention
    ['https://mastodon.social/@alice@example.social', 23],
  ])('%j counts %i', (text, expected) => {
    expect(countText(text, mastodon)).toBe(expected);
  });
});
