import { describe, expect, it } from 'vitest';
import { retrospectiveSchema, weekResultsSchema } from '@plume/contract/agents/learning-outputs';
import { estimateTokens } from '@plume/llm/gateway/routing';
import { promptTokensOf } from '../model-step.ts';
import { adjustGrid, describeAdjustments } from './adjustments-source.ts';
import { retrospectivePrompt, retrospectiveSchemaFor } from './retrospective-prompt.ts';
import type { Measurement, WeekData } from './week-data.ts';
import { summarizeWeek } from './week-results.ts';
import { describeAbTests, summarizeAbTests } from './week-ab-tests.ts';
import type { AbResult } from '../../planning/ab-tests/ab-results.ts';

/** What a local 8B model with an 8k context must hold: the prompt plus the answer. */
const CONTEXT_TOKENS = 8192;
const from = new Date('2026-11-22T23:00:00Z');
const long = (seed: number) => `${'A very long topic about sourdough and the bakery team '.repeat(10)} #${seed}`;

function measurement(accountId: string, index: number): Measurement {
  return {
    accountId,
    publishedAt: new Date(from.getTime() + (index % 168) * 3_600_000),
    engagements: (index * 37) % 101,
    engagementRate: 0.01 * (index % 7),
    reach: 1000 + index,
    clicks: index % 5,
    replies: index % 3,
  };
}

/** A very busy week: 400 briefs over 8 accounts and 12 pillars, 200 posts outside the plan. */
function busyWeek(): WeekData {
  const states = ['scheduled', 'replaced', 'rejected', 'brief', 'drafted', 'approved'];
  const briefs = Array.from({ length: 400 }, (_, index) => ({
    network: 'mastodon',
    handle: `handle-with-a-long-name-${index % 8}`,
    accountId: `account-${index % 8}`,
    pillar: `pillar_${index % 12}`,
    topic: long(index),
    state: states[index % states.length] ?? 'brief',
    rejectionReason: index % 6 === 1 ? 'x'.repeat(500) : null,
    postState: index % 6 === 0 ? 'published' : null,
    targetState: index % 12 === 0 ? 'published' : index % 12 === 6 ? 'failed' : null,
    failureReason: index % 12 === 6 ? 'y'.repeat(500) : null,
    measurement: index % 12 === 0 ? measurement(`account-${index % 8}`, index) : null,
  }));
  const unplanned = Array.from({ length: 200 }, (_, index) => ({
    network: 'bluesky',
    handle: `other-${index % 8}`,
    text: long(index),
    measurement: measurement(`account-${index % 8}`, index + 400),
  }));
  const medians = new Map(Array.from({ length: 8 }, (_, index) => [`account-${index}`, 40]));
  return { from, to: new Date(from.getTime() + 7 * 86_400_000), briefs, unplanned, medians };
}

/** A measured A/B test with every text at its longest. */
function bigAbResult(index: number): AbResult {
  const variant = { text: 'v'.repeat(500), slotLocal: '2026-11-24 10:00', reading: null };
  return {
    testId: `test-${index}`,
    kind: index % 2 === 0 ? 'text' : 'time',
    state: 'no_winner',
    network: 'mastodon',
    accountId: 'account-0',
    pillar: 'p'.repeat(40),
    topic: long(index),
    winner: null,
    pValue: 0.4,
    verdict: 'n'.repeat(400),
    a: variant,
    b: variant,
  };
}

const pillars = Array.from({ length: 8 }, (_, index) => ({
  key: `pillar_${index}`,
  name: 'P'.repeat(60),
  share: 12.5,
}));

describe('the week results of a busy week', () => {
  it('stay a few bounded lists, so the retrospective and its answer fit an 8k context', () => {
    const results = summarizeWeek(busyWeek(), {
      monday: '2026-11-23',
      zone: 'Europe/Paris',
      pillars,
      kpiTargets: Array.from({ length: 12 }, (_, index) => ({
        key: index % 2 === 0 ? 'reach' : 'engagement_rate',
        name: 'K'.repeat(80),
        unit: index % 2 === 0 ? 'count' : 'percent',
        target: 1000,
      })),
      expectedLift: (_account, at) => 0.5 + (at.getUTCHours() % 4) / 2,
      abTests: summarizeAbTests(Array.from({ length: 9 }, (_, index) => bigAbResult(index))),
    });
    expect(weekResultsSchema.parse(results)).toEqual(results);
    expect(results.abTests).toHaveLength(4);
    expect(results.posts).toHaveLength(12);
    expect(results.pillars).toHaveLength(8);
    expect(results.missed).toHaveLength(8);
    expect(results.missedTotal).toBeGreaterThan(100);
    expect(results.kpis).toHaveLength(10);
    expect(results.goodSlots.length).toBeLessThanOrEqual(3);
    expect(results.badSlots.length).toBeLessThanOrEqual(3);

    const prompt = retrospectivePrompt(results, pillars);
    const tokens = promptTokensOf(prompt);
    // The longest answer the schema allows.
    const longest = retrospectiveSchema.parse({
      summary: 's'.repeat(400),
      whatWorked: Array(5).fill('w'.repeat(240)),
      whatDidnt: Array(5).fill('d'.repeat(240)),
      adjustments: {
        pillarShares: pillars.map((pillar) => ({ key: pillar.key, share: 12.5 })),
        preferHours: [1, 2, 3, 4, 5, 6],
        avoidHours: [7, 8, 9, 10, 11, 12],
        topicsToRepeat: Array(5).fill('t'.repeat(80)),
        topicsToAvoid: Array(5).fill('a'.repeat(80)),
      },
      reasons: Array(5).fill('r'.repeat(300)),
    });
    const answerTokens = estimateTokens(JSON.stringify(longest));
    console.info(`learning prompt tokens at the largest: ${tokens}; longest answer ${answerTokens}`);
    expect(tokens).toBeLessThan(2_500);
    expect(answerTokens).toBeLessThanOrEqual(prompt.maxOutputTokens);
    expect(tokens + prompt.maxOutputTokens).toBeLessThan(CONTEXT_TOKENS);
  });
});

describe('the retrospective rules beyond the schema', () => {
  const mine = [
    { key: 'bakes', name: 'Bakes', share: 50 },
    { key: 'team', name: 'Team', share: 50 },
  ];
  const answer = (pillarShares: Array<{ key: string; share: number }>) => ({
    summary: 'ok',
    whatWorked: [],
    whatDidnt: [],
    adjustments: { pillarShares },
    reasons: ['because'],
  });
  const problems = (value: object) => {
    const parsed = retrospectiveSchemaFor(mine).safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('takes shares within 10 points of each pillar, adding up to 100', () => {
    expect(
      problems(
        answer([
          { key: 'bakes', share: 58 },
          { key: 'team', share: 42 },
        ]),
      ),
    ).toEqual([]);
    expect(problems({ ...answer([]), adjustments: {} })).toEqual([]);
  });

  it('refuses unknown pillars, missing ones, big moves and a wrong total, each at its field', () => {
    expect(
      problems(
        answer([
          { key: 'cakes', share: 50 },
          { key: 'team', share: 50 },
        ]),
      ),
    ).toEqual([
      'adjustments.pillarShares.0.share: Unknown pillar "cakes"; use one of bakes, team.',
      'adjustments.pillarShares: List every pillar once (missing bakes).',
    ]);
    expect(
      problems(
        answer([
          { key: 'bakes', share: 70 },
          { key: 'team', share: 30 },
        ]),
      ),
    ).toEqual([
      'adjustments.pillarShares.0.share: bakes moves +20 points; at most 10 a week.',
      'adjustments.pillarShares.1.share: team moves -20 points; at most 10 a week.',
    ]);
    expect(
      problems(
        answer([
          { key: 'bakes', share: 55 },
          { key: 'team', share: 55 },
        ]),
      ),
    ).toEqual(['adjustments.pillarShares: The shares add up to 110, not 100.']);
    expect(retrospectiveSchemaFor([]).safeParse(answer([{ key: 'bakes', share: 100 }])).success).toBe(false);
  });
});

describe('the adjustments as other agents read them', () => {
  const adjustments = {
    week: '2026-11-23',
    appliedAt: new Date(),
    preferHours: [9],
    avoidHours: [21],
    topicsToRepeat: ['sourdough'],
    topicsToAvoid: ['discounts'],
  };

  it('raise preferred hours and lower avoided ones on every weekday of a best-time grid', () => {
    const grid = adjustGrid(
      Array.from({ length: 7 }, () => new Array<number>(24).fill(1)),
      adjustments,
    );
    for (const day of grid) {
      expect(day[9]).toBeCloseTo(1.25);
      expect(day[21]).toBeCloseTo(0.8);
      expect(day[12]).toBe(1);
    }
    expect(adjustGrid([[2, 3]], null)).toEqual([[2, 3]]);
  });

  it('give the content prompt a line per kind of topic, and nothing without adjustments', () => {
    expect(describeAdjustments(adjustments)).toEqual([
      'Topics that did well lately (build on them): sourdough.',
      'Topics that did poorly lately (avoid them): discounts.',
    ]);
    expect(describeAdjustments(null)).toEqual([]);
  });

  it('give the retrospective each measured A/B test: what differed and the verdict', () => {
    const text = {
      ...bigAbResult(0),
      topic: 'Rye launch',
      verdict: 'B got 3.0× the engagements of A.',
      winner: 'b' as const,
    };
    text.a = { text: 'Our rye is back', slotLocal: '2026-11-24 10:00', reading: null };
    text.b = { text: 'Rye returns tomorrow', slotLocal: '2026-11-25 10:00', reading: null };
    const time = { ...text, kind: 'time' as const, winner: null, verdict: 'No clear winner.' };
    const [textLine, timeLine] = describeAbTests(summarizeAbTests([text, time]));
    expect(textLine).toContain('A/B test (text) mastodon');
    expect(textLine).toContain('A = "Our rye is back", B = "Rye returns tomorrow". Winner b. B got 3.0×');
    expect(timeLine).toContain('A at "2026-11-24 10:00", B at "2026-11-25 10:00". No clear winner.');
  });
});
