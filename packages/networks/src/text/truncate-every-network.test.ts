/**
 * Truncation for every network returns text the network accepts. Where a reference library exists it
 * is the judge: twitter-text `parseTweet` for X, @atproto/api `RichText` (grapheme length and UTF-8
 * length, the app.bsky.feed.post limits) for Bluesky; elsewhere the network's own counter.
 */
import { RichText } from '@atproto/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NetworkManifest } from '../contract.ts';
import { allProviders } from '../registry.ts';
import { countText } from './count-text.ts';
import { fitsLimit, truncateToLimit, type TextLimit } from './fit-text.ts';
import { parseTweetVerdict, staleEmojiIn } from './test-support/twitter-text-oracle.ts';

function limitOf(manifest: NetworkManifest): TextLimit {
  const { limit, count, maxBytes } = manifest.text;
  return maxBytes === undefined ? { max: limit, method: count } : { max: limit, method: count, maxBytes };
}

/** Problems the network would find with `text` (empty = accepted). */
function judge(manifest: NetworkManifest, text: string): string[] {
  const limit = limitOf(manifest);
  if (manifest.id === 'x' && text !== '' && staleEmojiIn(text).length === 0) {
    const verdict = parseTweetVerdict(text);
    return verdict.valid ? [] : [`parseTweet: ${verdict.weightedLength} of 280, valid false`];
  }
  if (manifest.id === 'bluesky') {
    const rich = new RichText({ text });
    const problems = [];
    if (rich.graphemeLength > 300) problems.push(`RichText: ${rich.graphemeLength} graphemes`);
    if (rich.length > 3000) problems.push(`RichText: ${rich.length} bytes`);
    return problems;
  }
  const check = fitsLimit(text, limit);
  return check.fits ? [] : [`${manifest.id}: ${check.count} of ${limit.max}`];
}

const pieces = [
  'word',
  'a',
  ' ',
  '. ',
  ', ',
  '\n',
  '漢字',
  'e\u0301',
  '👨‍👩‍👧‍👦',
  '👍🏽',
  '🇫🇷',
  '1️⃣',
  '😀',
  '©',
  'https://example.com/p',
  'example.com',
  '日本https://example.org',
  '@alice@example.social',
  '…',
  '\uFEFF',
];
const emoji = ['👨‍👩‍👧‍👦', '👩🏽‍💻', '🇫🇷', '😀', ' '];
const base = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 60 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...emoji), { minLength: 1, maxLength: 20 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
);

describe('truncateToLimit returns text every network accepts', () => {
  it.each(allProviders.map((provider) => [provider.manifest.id, provider.manifest] as const))('%s', (_id, manifest) => {
    const limit = limitOf(manifest);
    fc.assert(
      fc.property(base, fc.double({ min: 0.5, max: 2, noNaN: true }), (seed, stretch) => {
        // Long enough to be around the limit whatever the unit: repeat the sample up to ~stretch × limit.
        const text = seed.repeat(
          Math.max(1, Math.ceil((limit.max * stretch) / Math.max(1, countText(seed, limit.method)))),
        );
        expect(judge(manifest, truncateToLimit(text, limit))).toEqual([]);
      }),
      { numRuns: manifest.text.limit > 1000 ? 20 : 60 },
    );
  });

  it('keeps a Bluesky post of 300 family emoji under 3,000 bytes', () => {
    const bluesky = allProviders.find((provider) => provider.manifest.id === 'bluesky')!.manifest;
    const cut = truncateToLimit('👨‍👩‍👧‍👦'.repeat(300), limitOf(bluesky));
    expect(new RichText({ text: cut }).length).toBe(3000);
    expect(cut).toBe('👨‍👩‍👧‍👦'.repeat(120));
  });

  it('does not end an X post with an ellipsis glued to a URL when that goes over', () => {
    const text = `${'a'.repeat(256)} https://example.com/x and more words after it`;
    const cut = truncateToLimit(text, { max: 280, method: { kind: 'weighted' } });
    expect(parseTweetVerdict(cut).valid).toBe(true);
    expect(cut).toBe(`${'a'.repeat(256)} https://example.com/x`);
  });
});
