import { describe, expect, it } from 'vitest';
import { startOfWeek, summarizeWeek, type WeeklyPost } from './summarize-week.ts';

const post = (
  id: string,
  iso: string,
  network: string,
  engagements: number | null,
  impressions?: number,
): WeeklyPost => ({
  id,
  publishedAt: new Date(iso),
  network,
  engagements,
  ...(impressions === undefined ? {} : { impressions }),
});

describe('startOfWeek', () => {
  it('is Monday 00:00 in the zone', () => {
    expect(startOfWeek(new Date('2026-12-06T23:30:00Z'), 'Europe/Paris').toISOString()).toBe(
      '2026-12-06T23:00:00.000Z',
    );
    expect(startOfWeek(new Date('2026-12-06T22:30:00Z'), 'Europe/Paris').toISOString()).toBe(
      '2026-11-29T23:00:00.000Z',
    );
    expect(startOfWeek(new Date('2026-12-09T12:00:00Z'), 'UTC').toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });
});

describe('summarizeWeek', () => {
  const start = new Date('2026-12-07T00:00:00Z');
  const posts = [
    post('old', '2026-11-20T10:00:00Z', 'x', 999),
    post('a', '2026-12-01T10:00:00Z', 'x', 40, 1000),
    post('b', '2026-12-03T10:00:00Z', 'mastodon', 20),
    post('c', '2026-12-07T09:00:00Z', 'x', 90, 1500),
    post('d', '2026-12-08T09:00:00Z', 'mastodon', 90),
    post('e', '2026-12-09T09:00:00Z', 'mastodon', null),
    post('next', '2026-12-14T00:00:00Z', 'x', 5000),
  ];

  it('compares the week with the one before, in total and per network', () => {
    const summary = summarizeWeek(posts, start);
    expect(summary.thisWeek).toEqual({ posts: 3, engagements: 180, impressions: 1500, engagementRate: 0.06 });
    expect(summary.lastWeek).toEqual({ posts: 2, engagements: 60, impressions: 1000, engagementRate: 0.04 });
    expect(summary.change.posts).toBeCloseTo(0.5);
    expect(summary.change.engagements).toBeCloseTo(2);
    expect(summary.change.engagementRate).toBeCloseTo(0.5);
    expect(summary.byNetwork.map((row) => [row.network, row.thisWeek.posts, row.lastWeek.posts])).toEqual([
      ['mastodon', 2, 1],
      ['x', 1, 1],
    ]);
  });

  it('picks the best post (earlier on a tie) and says null where nothing is known', () => {
    expect(summarizeWeek(posts, start).bestPost?.id).toBe('c');
    const empty = summarizeWeek([post('z', '2026-12-08T09:00:00Z', 'x', null)], start);
    expect(empty.bestPost).toBeNull();
    expect(empty.thisWeek.engagements).toBeNull();
    expect(empty.change.engagements).toBeNull();
  });
});
