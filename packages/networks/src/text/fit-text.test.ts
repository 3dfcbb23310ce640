import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountMethod } from './count-text.ts';
import { fitsLimit, truncateToLimit, type TextLimit } from './fit-text.ts';
import { splitGraphemes } from './graphemes.ts';

const bluesky: TextLimit = { max: 300, method: { kind: 'graphemes' } };
const blueskyBytes: TextLimit = { max: 3000, method: { kind: 'utf8_bytes' } };
const x: TextLimit = { max: 280, method: { kind: 'weighted' } };
const graphemes = (max: number): TextLimit => ({ max, method: { kind: 'graphemes' } });

describe('fitsLimit', () => {
  it('fits at exactly the limit and not one past it', () => {
    expect(fitsLimit('a'.repeat(300), bluesky)).toEqual({ count: 300, limit: 300, remaining: 0, fits: true });
    expect(fitsLimit('a'.repeat(301), bluesky)).toEqual({ count: 301, limit: 300, remaining: -1, fits: false });
    expect(fitsLimit('漢'.repeat(140), x).fits).toBe(true);
    expect(fitsLimit(`${'漢'.repeat(139)}ab`, x).fits).toBe(true);
    expect(fitsLimit(`${'漢'.repeat(139)}abc`, x)).toMatchObject({ count: 281, remaining: -1, fits: false });
    expect(fitsLimit('😀'.repeat(750), blueskyBytes).fits).toBe(true);
    expect(fitsLimit(`${'😀'.repeat(750)}a`, blueskyBytes).fits).toBe(false);
  });

  it('counts a 300-emoji family post as 300 graphemes but 7,500 bytes', () => {
    const text = '👨‍👩‍👧‍👦'.repeat(300);
    expect(fitsLimit(text, bluesky).fits).toBe(true);
    expect(fitsLimit(text, blueskyBytes)).toMatchObject({ count: 7500, fits: false });
  });
});

describe('truncateToLimit', () => {
  it('returns text that already fits unchanged', () => {
    expect(truncateToLimit('short. text', graphemes(11))).toBe('short. text');
    expect(truncateToLimit('', graphemes(0))).toBe('');
  });

  it('cuts after the last whole sentence that fits', () => {
    const text = 'First sentence here. Second one is longer than the limit allows.';
    expect(truncateToLimit(text, graphemes(30))).toBe('First sentence here.');
  });

  it('cuts after the last whole word and adds an ellipsis when no sentence keeps enough', () => {
    expect(truncateToLimit('Hi. The quick brown fox jumps over the dog', graphemes(24))).toBe(
      'Hi. The quick brown fox…',
    );
    expect(truncateToLimit('the quick brown fox', graphemes(12))).toBe('the quick…');
  });

  it('leaves the ellipsis out when it does not fit', () => {
    expect(truncateToLimit('the quick brown fox', graphemes(9))).toBe('the quick');
  });

  it('drops dangling separators before the ellipsis', () => {
    expect(truncateToLimit('alpha, beta gamma', graphemes(9))).toBe('alpha…');
  });

  it('never cuts inside a grapheme or a URL', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(truncateToLimit(`${family} ${family} ${family}`, { max: 30, method: { kind: 'utf8_bytes' } })).toBe(
      `${family}…`,
    );
    expect(truncateToLimit('read https://example.com/a/long/path now', graphemes(30))).toBe('read…');
  });

  it('cuts a single over-long word between graphemes as a last resort', () => {
    expect(truncateToLimit('abcdefghij', graphemes(4))).toBe('abc…');
    expect(truncateToLimit('漢字漢字漢字', { max: 5, method: { kind: 'weighted' } })).toBe('漢字');
  });

  it('returns an empty string when nothing fits', () => {
    expect(truncateToLimit('abc', graphemes(0))).toBe('');
  });
});

const methods: CountMethod[] = [
  { kind: 'graphemes' },
  { kind: 'utf8_bytes' },
  { kind: 'utf16_units' },
  { kind: 'emoji_utf8' },
  { kind: 'mastodon' },
  { kind: 'weighted' },
];
const pieces = [
  'word',
  'a',
  ' ',
  '. ',
  ', ',
  '! ',
  '\n',
  '漢字',
  'かな',
  'e\u0301',
  '👨‍👩‍👧‍👦',
  '👍🏽',
  '🇫🇷',
  '1️⃣',
  'https://example.com/p',
  '@alice@example.social',
  '…',
];
const postText = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

describe('truncateToLimit properties', () => {
  it('always fits, is a prefix of the input and ends on a grapheme boundary', () => {
    fc.assert(
      fc.property(postText, fc.constantFrom(...methods), fc.integer({ min: 0, max: 60 }), (text, method, max) => {
        const limit = { max, method };
        const result = truncateToLimit(text, limit);
        expect(fitsLimit(result, limit).fits).toBe(true);

        const body = result !== text && result.endsWith('…') ? result.slice(0, -1) : result;
        expect(text.startsWith(body)).toBe(true);
        const boundaries = new Set([0]);
        let offset = 0;
        for (const grapheme of splitGraphemes(text)) boundaries.add((offset += grapheme.length));
        expect(boundaries.has(body.length)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('cuts a long run of separators at Facebook length in one pass (trimming them at every candidate took minutes)', () => {
    for (const separator of ['(', '—', '"', ', ']) {
      const cut = truncateToLimit(separator.repeat(70_000), { max: 63_206, method: { kind: 'utf16_units' } });
      expect(cut.length).toBeLessThanOrEqual(63_206);
      expect(cut.length).toBeGreaterThan(63_000);
    }
  });
});
