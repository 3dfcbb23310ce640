import { describe, expect, it } from 'vitest';
import { syntheticHistory } from '../test-support/synthetic-history.ts';
import { describeLearned } from '../weekly/describe-findings.ts';
import { findWhatWorks, MIN_POSTS_PER_GROUP } from './what-works.ts';

describe('findWhatWorks', () => {
  it('finds a real media effect with an interval around it, and calls it clear', () => {
    const history = syntheticHistory({ posts: 300, mediaEffect: Math.log(2), level: (i) => 2 + i / 80, noise: 0.5 });
    const media = findWhatWorks(history, 'UTC').find((finding) => finding.factor === 'media');
    expect(media).toBeDefined();
    expect(media!.effect).toBeGreaterThan(1.6);
    expect(media!.effect).toBeLessThan(2.5);
    expect(media!.low).toBeLessThan(media!.effect);
    expect(media!.high).toBeGreaterThan(media!.effect);
    expect(media!.isClear).toBe(true);
    expect(describeLearned(findWhatWorks(history, 'UTC'))[0]).toMatch(
      /^Posts with media got \d\.\d× the engagement of text-only posts \(95 % interval \d\.\d×–\d\.\d×, 100 vs 200 posts\)\.$/,
    );
  });

  it('does not call an absent effect clear', () => {
    const history = syntheticHistory({ posts: 300, mediaEffect: 0, noise: 0.5 });
    const media = findWhatWorks(history, 'UTC').find((finding) => finding.factor === 'media');
    expect(media?.isClear).toBe(false);
    expect(media!.low).toBeLessThan(1);
    expect(media!.high).toBeGreaterThan(1);
  });

  it(`says nothing about a trait with fewer than ${MIN_POSTS_PER_GROUP} posts on either side`, () => {
    const history = syntheticHistory({ posts: 45, mediaEffect: 2 }); // 15 posts with media
    const factors = findWhatWorks(history, 'UTC').map((finding) => finding.factor);
    expect(factors).not.toContain('media');
    expect(factors).not.toContain('hashtags'); // no post has a hashtag
  });
});
