import { describe, expect, it } from 'vitest';
import { engagementRateOf, engagementsOf } from './metrics.ts';

describe('engagements', () => {
  it('add up the interactions a network gave and leave out views and reach', () => {
    expect(engagementsOf({ likes: 10, reposts: 2, replies: 3, impressions: 900, views: 50, reach: 700 })).toBe(15);
  });

  it('are unknown, not 0, when the network gave no interaction at all', () => {
    expect(engagementsOf({ impressions: 900 })).toBeNull();
    expect(engagementsOf({})).toBeNull();
  });

  it('count a Reddit score in place of likes, never below 0', () => {
    expect(engagementsOf({ score: 41, replies: 4 })).toBe(45);
    expect(engagementsOf({ score: -3, replies: 4 })).toBe(4);
    expect(engagementsOf({ likes: 5, score: 41 })).toBe(5);
  });
});

describe('engagement rate', () => {
  it('divides by impressions, then views, then followers at the time', () => {
    expect(engagementRateOf({ likes: 10, impressions: 200, views: 100 }, 1000)).toBe(0.05);
    expect(engagementRateOf({ likes: 10, views: 100 }, 1000)).toBe(0.1);
    expect(engagementRateOf({ likes: 10 }, 1000)).toBe(0.01);
  });

  it('is unknown when there is no audience to divide by', () => {
    expect(engagementRateOf({ likes: 10 })).toBeNull();
    expect(engagementRateOf({ likes: 10, impressions: 0 })).toBeNull();
    expect(engagementRateOf({ impressions: 100 })).toBeNull();
  });
});
