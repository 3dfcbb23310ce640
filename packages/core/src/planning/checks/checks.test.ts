import { describe, expect, it } from 'vitest';
import type { SlotRules } from '../placement/placement-types.ts';
import { checkPillarMix } from './check-pillar-mix.ts';
import { checkPlan } from './check-plan.ts';
import { checkSimilarPosts } from './check-similar-posts.ts';
import { checkSlots } from './check-slots.ts';
import { checkTextLimits, networkTextLimits } from './check-text-limits.ts';
import type { PlannedPost } from './plan-types.ts';
import { textSimilarity } from './text-similarity.ts';

const rules: SlotRules = {
  zone: 'Europe/Berlin',
  cadencePerWeek: { bluesky: 3, x: 5 },
  postsPerDayPerAccount: 2,
  quietHours: [{ fromMinute: 22 * 60, toMinute: 7 * 60 }],
  minGapMinutes: 120,
};
const TEXTS = [
  'Three ways to keep sourdough starter alive while you are away on holiday',
  'Meet Ana, who has baked our rye loaves every morning since the shop opened',
  'Behind the counter: how we pick the flour we use and why it matters',
  'This weekend only, two croissants for the price of one at both shops',
  'Why a slow overnight proof gives bread a deeper flavour and a better crust',
  'Your questions answered: can you freeze a baguette without ruining it?',
];
let sequence = 0;
const post = (at: string, over: Partial<PlannedPost> = {}): PlannedPost => ({
  id: `p${(sequence += 1)}`,
  pillar: 'tips',
  text: TEXTS[sequence % TEXTS.length]!,
  network: 'bluesky',
  accountId: 'acc-1',
  at: new Date(at),
  ...over,
});

describe('plan checks', () => {
  it('pass a plan that keeps the strategy', () => {
    const plan = [
      post('2026-07-13T08:00:00Z', { pillar: 'tips' }),
      post('2026-07-14T08:00:00Z', { pillar: 'tips' }),
      post('2026-07-15T08:00:00Z', { pillar: 'team' }),
      post('2026-07-15T08:00:00Z', { pillar: 'offers', network: 'x', accountId: 'acc-x' }),
      post('2026-07-16T08:00:00Z', { pillar: 'team', network: 'x', accountId: 'acc-x' }),
    ];
    expect(checkPlan(plan, { ...rules, pillarShares: { tips: 40, team: 40, offers: 20 } })).toEqual([]);
  });

  it('pillar mix: a pillar more than 10 points off its share fails, exactly 10 passes', () => {
    const plan = ['tips', 'tips', 'tips', 'team'].map((pillar, i) => post(`2026-07-1${3 + i}T08:00:00Z`, { pillar }));
    const violations = checkPillarMix(plan, { tips: 0.5, team: 0.5 });
    expect(violations.map((v) => v.message)).toEqual([
      '“tips” is 75 % of the plan; the strategy asks for 50 % (± 10 points).',
      '“team” is 25 % of the plan; the strategy asks for 50 % (± 10 points).',
    ]);
    expect(checkPillarMix(plan, { tips: 65, team: 35 })).toEqual([]);
    expect(checkPillarMix([post('2026-07-13T08:00:00Z', { pillar: 'memes' })], { tips: 1 })).toHaveLength(2);
  });

  it('similar posts: a reworded copy within a month fails, a month later or another topic passes', () => {
    const original = 'Three ways to keep your sourdough starter alive while you are away on a long summer holiday';
    const copy = 'Three ways to keep your sourdough starter happy while you are away on a long summer holiday';
    expect(textSimilarity(original, copy)).toBeGreaterThan(0.7);
    expect(
      textSimilarity(original, 'How we choose our flour, and why the mill matters to your sourdough'),
    ).toBeLessThan(0.1);
    const a = post('2026-07-13T08:00:00Z', { text: original });
    const b = post('2026-07-20T08:00:00Z', { text: `${copy} https://shop.example/a` });
    expect(checkSimilarPosts([a, b])).toMatchObject([{ check: 'similar_posts', postIds: [a.id, b.id] }]);
    expect(checkSimilarPosts([a, { ...b, at: new Date('2026-08-13T08:00:00Z') }])).toEqual([]);
    expect(checkSimilarPosts([a, b], { threshold: 0.9 })).toEqual([]);
    expect(
      checkSimilarPosts([
        post('2026-07-13T08:00:00Z', { text: 'Hello!' }),
        post('2026-07-14T08:00:00Z', { text: 'hello' }),
      ]),
    ).toHaveLength(1);
  });

  it('text limits: counted the network’s way (X weighs CJK double, Bluesky does not)', () => {
    const limits = networkTextLimits();
    const cjk = '日本語のテキスト'.repeat(20); // 160 characters
    const onX = post('2026-07-13T08:00:00Z', { network: 'x', text: cjk });
    const onBluesky = post('2026-07-13T08:00:00Z', { network: 'bluesky', text: cjk });
    expect(checkTextLimits([onX, onBluesky], limits)).toEqual([
      {
        check: 'text_limit',
        postIds: [onX.id],
        message: 'The post is too long for x: it is 320 characters; x allows 280.',
      },
    ]);
    const bom = post('2026-07-13T08:00:00Z', { network: 'x', text: 'hi\uFEFF' });
    expect(checkTextLimits([bom], limits)[0]?.message).toContain('U+FEFF');
    expect(checkTextLimits([post('2026-07-13T08:00:00Z', { network: 'myspace' })], limits)[0]?.message).toContain(
      'myspace',
    );
  });

  it('slots: quiet hours, daily cap, cadence and minimum gap each fail', () => {
    const quiet = post('2026-07-13T21:30:00Z'); // 23:30 in Berlin
    expect(checkSlots([quiet], rules)).toMatchObject([{ check: 'quiet_hours', postIds: [quiet.id] }]);

    const day = ['06:00', '09:00', '12:00'].map((time) => post(`2026-07-14T${time}:00Z`));
    expect(checkSlots(day, rules).map((v) => v.check)).toEqual(['daily_cap']);

    const week = ['13', '14', '15', '16'].map((d) => post(`2026-07-${d}T08:00:00Z`));
    expect(checkSlots(week, rules)).toMatchObject([{ check: 'cadence', postIds: week.map((p) => p.id) }]);
    // The Sunday belongs to the week before Monday's (weeks run Monday to Sunday in the zone).
    expect(checkSlots([post('2026-07-12T08:00:00Z'), ...week.slice(0, 3)], rules)).toEqual([]);

    const close = [post('2026-07-13T08:00:00Z'), post('2026-07-13T09:30:00Z')];
    expect(checkSlots(close, rules)).toMatchObject([
      { check: 'min_gap', message: expect.stringContaining('90 minutes') },
    ]);
  });

  it('slots: posts already scheduled count, but the plan is not blamed for them alone', () => {
    const scheduled = [
      { accountId: 'acc-1', at: new Date('2026-07-13T08:00:00Z') },
      { accountId: 'acc-1', at: new Date('2026-07-13T08:30:00Z') },
    ];
    expect(checkSlots([], rules, scheduled)).toEqual([]);
    const planned = post('2026-07-13T09:00:00Z');
    expect(checkSlots([planned], rules, scheduled).map((v) => v.check)).toEqual(['daily_cap', 'min_gap']);
  });
});
