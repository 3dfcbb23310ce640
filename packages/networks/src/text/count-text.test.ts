import { describe, expect, it } from 'vitest';
import { countText, type CountMethod } from './count-text.ts';

const graphemes: CountMethod = { kind: 'graphemes' };
const bytes: CountMethod = { kind: 'utf8_bytes' };
const utf16: CountMethod = { kind: 'utf16_units' };
const mastodon: CountMethod = { kind: 'mastodon' };
const x: CountMethod = { kind: 'weighted' };

const family = '👨‍👩‍👧‍👦';
const thumbsUpMedium = '👍🏽';
const flagFr = '🇫🇷';
const keycapOne = '1️⃣';
const decomposedE = 'e\u0301';
const longUrl = `https://example.com/${'a'.repeat(80)}`;

describe('countText: graphemes', () => {
  it.each([
    ['hello', 5],
    ['', 0],
    [family, 1],
    [thumbsUpMedium, 1],
    [flagFr, 1],
    [`${flagFr}${flagFr}`, 2],
    [decomposedE, 1],
    ['漢字かな', 4],
    ['\r\n', 1],
  ])('%j counts %i', (text, expected) => {
    expect(countText(text, graphemes)).toBe(expected);
  });
});

describe('countText: UTF-8 bytes and UTF-16 units', () => {
  it.each([
    ['a', 1, 1],
    ['é', 2, 1],
    ['😀', 4, 2],
    ['漢', 3, 1],
    [family, 25, 11],
  ])('%j is %i bytes and %i units', (text, expectedBytes, expectedUnits) => {
    expect(countText(text, bytes)).toBe(expectedBytes);
    expect(countText(text, utf16)).toBe(expectedUnits);
  });
});

describe('countText: emoji as UTF-8 bytes (Threads)', () => {
  it.each([
    ['hello', 5],
    ['é', 1],
    [decomposedE, 1],
    ['漢字', 2],
    ['😀', 4],
    [`hi ${family}`, 3 + 25],
    [flagFr, 8],
    [thumbsUpMedium, 8],
  ])('%j counts %i', (text, expected) => {
    expect(countText(text, { kind: 'emoji_utf8' })).toBe(expected);
  });
});

describe('countText: X weighted (twitter-text v3)', () => {
  it.each([
    ['hello world', 11],
    ['漢', 2],
    ['日本語のテキスト', 16],
    ['café', 4],
    [decomposedE, 1], // NFC-normalised to é first
    ['😀', 2],
    [family, 2],
    [thumbsUpMedium, 2],
    [flagFr, 2],
    [keycapOne, 2],
    ['\u2014', 1], // em dash, in 8208–8223
    ['\u2026', 2], // ellipsis, outside the light ranges
    ['\u{10348}', 2],
  ])('%j weighs %i', (text, expected) => {
    expect(countText(text, x)).toBe(expected);
  });

  it('weighs 140 CJK characters as exactly 280', () => {
    expect(countText('漢'.repeat(140), x)).toBe(280);
    expect(countText('漢'.repeat(141), x)).toBe(282);
  });

  it('counts every URL as 23 whatever its length, without trailing punctuation', () => {
    expect(countText(longUrl, x)).toBe(23);
    expect(countText('see http://a.co', x)).toBe(27);
    expect(countText(`read ${longUrl}.`, x)).toBe(5 + 23 + 1);
    expect(countText('(https://en.wikipedia.org/wiki/Foo_(bar))', x)).toBe(1 + 23 + 1);
    expect(countText('https:// is not a link', x)).toBe(22);
  });

  it('accepts a custom config', () => {
    const config = {
      maxWeightedLength: 140,
      scale: 1,
      defaultWeight: 1,
      transformedUrlLength: 0,
      emojiParsingEnabled: false,
      ranges: [],
    };
    expect(countText(`ab${family}`, { kind: 'weighted', config })).toBe(2 + 7);
  });
});

describe('countText: Mastodon', () => {
  it.each([
    ['hello', 5],
    [longUrl, 23],
    [`two ${longUrl} ${longUrl}`, 4 + 23 + 1 + 23],
    ['hi @alice@example.social', 9],
    ['hi @alice', 9],
    ['mail me: bob@example.com', 24], // an e-mail address is not a mention
    [family, 1],
    [decomposedE, 1],
  ])('%j counts %i', (text, expected) => {
    expect(countText(text, mastodon)).toBe(expected);
  });

  it('uses the instance URL length when given', () => {
    expect(countText(longUrl, { kind: 'mastodon', urlLength: 30 })).toBe(30);
  });

  it('does not shorten a mention inside a URL', () => {
    expect(countText('https://mastodon.social/@alice@example.social', mastodon)).toBe(23);
  });
});
