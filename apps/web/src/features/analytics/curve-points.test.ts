import { describe, expect, it } from 'vitest';
import { engagementCurve, formatAge } from './curve-points.ts';

const point = (takenAt: string, engagements: number | null) => ({
  takenAt,
  offsetMin: null,
  engagements,
  impressions: null,
  views: null,
  likes: null,
  reposts: null,
  replies: null,
});

describe("a target's engagement curve", () => {
  it('plots each reading at its real age (a late reading where it was taken) and skips unknown ones', () => {
    const curve = engagementCurve({
      targetId: 't',
      accountId: 'a',
      network: 'mastodon',
      handle: '@a@example.test',
      displayName: 'A',
      measuredPostId: 'm',
      status: 'active',
      publishedAt: '2026-04-10T07:00:00.000Z',
      points: [
        point('2026-04-10T07:15:00.000Z', 2),
        point('2026-04-10T08:30:00.000Z', 9), // the 1 h reading, 30 minutes late
        point('2026-04-10T11:00:00.000Z', null),
      ],
    });
    expect(curve.points).toEqual([
      { hours: 0.25, value: 2 },
      { hours: 1.5, value: 9 },
    ]);
    expect([formatAge(0.25), formatAge(12), formatAge(72)]).toEqual(['15 min', '12 h', '3 d']);
  });
});
