import { describe, expect, it } from 'vitest';
import type { HistoryPost } from '../history/history-post.ts';
import { countHashtags, kindOf, postFeatures } from './post-features.ts';
import { createLevelTracker } from './recent-level.ts';

describe('postFeatures', () => {
  it('takes hour and weekday in the given zone, across a DST change', () => {
    const winter = postFeatures({ publishedAt: new Date('2026-03-28T23:30:00Z'), text: '' }, 'Europe/Paris');
    const summer = postFeatures({ publishedAt: new Date('2026-03-29T23:30:00Z'), text: '' }, 'Europe/Paris');
    expect([winter.hour, winter.weekday]).toEqual([0, 6]); // Sunday 00:30 (UTC+1)
    expect([summer.hour, summer.weekday]).toEqual([1, 0]); // Monday 01:30 (UTC+2)
  });

  it('reads links, hashtags, mentions, kind and length from the text', () => {
    const features = postFeatures(
      { publishedAt: new Date(0), text: 'Sign up: https://example.org #ActOnClimate #2024 with @OFA 🌍' },
      'UTC',
    );
    expect(features).toMatchObject({ hasLink: true, hashtagCount: 1, mentionCount: 1, kind: 'original' });
    expect(features.hasCallToAction).toBe(true);
    expect(features.length).toBe(60); // the emoji is one code point
    expect(countHashtags('a#b &#38; #ok #été')).toBe(2);
    expect(kindOf('RT @gatesfoundation: hi')).toBe('repost');
    expect(kindOf('@someone thanks')).toBe('reply');
    expect(kindOf('Thanks @someone')).toBe('original');
  });

  it('lets the source flags win over what the text suggests', () => {
    const features = postFeatures(
      { publishedAt: new Date(0), text: 'https://x.org', hasLink: false, hasMedia: true },
      'UTC',
    );
    expect([features.hasLink, features.hasMedia]).toEqual([false, true]);
  });
});

describe('createLevelTracker', () => {
  const hour = 3_600_000;
  const at = (hoursBefore: number, engagements: number): HistoryPost => ({
    publishedAt: new Date(Date.UTC(2026, 0, 10) - hoursBefore * hour),
    network: 'x',
    text: 'plain',
    likes: engagements,
    reposts: 0,
    replies: 0,
  });
  const target = new Date(Date.UTC(2026, 0, 10));

  it('uses only results of posts at least 24 h older than the post', () => {
    const base = [at(100, 10), at(90, 10), at(80, 10), at(70, 10), at(60, 10)];
    const level = createLevelTracker([...base, at(23.9, 1_000_000)]).levelAt(target, 'original');
    expect(level.all).toBeCloseTo(Math.log1p(10));
    expect(level.basedOn).toBe(5);
    const later = createLevelTracker([...base, at(24, 1_000_000), at(25, 1_000_000), at(26, 1_000_000)]);
    expect(later.levelAt(target, 'original').all).toBeCloseTo(Math.log1p(10)); // median of 8: still 10
    expect(later.levelAt(target, 'original').basedOn).toBe(8);
  });

  it('has no level with fewer than three eligible posts, and keeps reposts apart', () => {
    const tracker = createLevelTracker([at(50, 5), at(40, 5)]);
    expect(tracker.levelAt(target, 'original')).toMatchObject({ all: null, sameKind: null, basedOn: 2 });
    const mixed = createLevelTracker([
      ...[50, 49, 48].map((h) => at(h, 100)),
      ...[47, 46, 45].map((h) => ({ ...at(h, 1), text: 'RT @a: b' })),
    ]);
    expect(mixed.levelAt(target, 'repost').sameKind).toBeCloseTo(Math.log1p(1));
    expect(mixed.levelAt(target, 'original').sameKind).toBeCloseTo(Math.log1p(100));
  });
});
