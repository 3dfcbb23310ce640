import { describe, expect, it } from 'vitest';
import { contentAnswerFor } from '@plume/testing/fakes/llm/content-agent-answers';
import { readAnswer, promptTokensOf } from '../model-step.ts';
import { briefsPrompt, briefsSchemaFor, MAX_BRIEFS_PER_CALL, pillarRange } from './briefs-prompt.ts';
import { USED_TOPIC_CHARS, USED_TOPICS_SHOWN, type ContentContext, type ContentWeek } from './content-context.ts';
import { assignAccounts } from './store-briefs.ts';

/** What a local 8B model with an 8k context must hold: the prompt plus the answer. */
const CONTEXT_TOKENS = 8192;
const days = ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-13', '2027-03-14'];

const small: ContentContext = {
  brand: 'Brand: Crumb Bakery (Bakery); audience: neighbours and office workers; tone: warm, playful; language: en.',
  pillars: [
    { key: 'bakes', name: 'Daily bakes', share: 50 },
    { key: 'team', name: 'Behind the counter', share: 30 },
    { key: 'offers', name: 'Offers', share: 20 },
  ],
  networks: [
    { network: 'mastodon', accountIds: ['a1', 'a2'] },
    { network: 'bluesky', accountIds: ['b1'] },
  ],
  findings: ['Photo posts of the day’s bake get a third more engagement.'],
  lessons: [],
  usedTopics: ['Sourdough starter basics'],
  weeks: [],
};
const smallWeek: ContentWeek = {
  week: days[0]!,
  days,
  theme: 'Spring bakes',
  seasonal: [],
  counts: { mastodon: 4, bluesky: 2 },
};

/** The largest prompt the agent sends: 8 pillars, long lines, two lessons from a retrospective, 4 networks × 13 a week, a full topic list. */
function largest(): { context: ContentContext; week: ContentWeek; used: string[] } {
  const long = (n: number) => 'x'.repeat(n);
  const context: ContentContext = {
    brand: long(240),
    pillars: Array.from({ length: 8 }, (_, index) => ({
      key: `pillar-${index}-${long(30)}`,
      name: long(60),
      share: 12.5,
    })),
    networks: ['mastodon', 'bluesky', 'linkedin', 'x'].map((network) => ({
      network: network as 'x',
      accountIds: ['a'],
    })),
    findings: [long(200), long(200), long(200)],
    lessons: [long(300), long(300)],
    usedTopics: [],
    weeks: [],
  };
  const week: ContentWeek = {
    week: days[0]!,
    days,
    theme: long(120),
    seasonal: [long(120), long(120), long(120)],
    counts: { mastodon: 13, bluesky: 13, linkedin: 13, x: 13 },
  };
  return { context, week, used: Array.from({ length: USED_TOPICS_SHOWN }, () => long(USED_TOPIC_CHARS)) };
}

describe('the Content agent’s week prompt', () => {
  it('stays within an 8k context with its answer, at the largest week one call may ask for', () => {
    const { context, week, used } = largest();
    expect(Object.values(week.counts).reduce((a, b) => a + b, 0)).toBe(MAX_BRIEFS_PER_CALL);
    const prompt = briefsPrompt(context, week, [...used, ...used]);
    const tokens = promptTokensOf(prompt);
    expect(tokens + prompt.maxOutputTokens).toBeLessThanOrEqual(CONTEXT_TOKENS);
    expect({ tokens, answer: prompt.maxOutputTokens }).toEqual({ tokens: 1463, answer: 6360 }); // docs/planning.md
    // A usual week: a few hundred tokens.
    const usual = briefsPrompt(small, smallWeek, small.usedTopics);
    expect(promptTokensOf(usual)).toBeLessThan(600);
    const taught = briefsPrompt(
      { ...small, lessons: ['Topics that did poorly lately (avoid them): rye.'] },
      smallWeek,
      [],
    );
    expect(taught.user).toContain("Last week's review: Topics that did poorly lately (avoid them): rye.");
    expect(usual.user).not.toContain("Last week's review");
  });

  it('accepts the recorded answer and names each rule a bad answer breaks', () => {
    const prompt = briefsPrompt(small, smallWeek, small.usedTopics);
    const schema = briefsSchemaFor(small, smallWeek, small.usedTopics);
    const good = readAnswer(JSON.stringify(contentAnswerFor(prompt.user)), schema);
    expect(good.ok).toBe(true);
    const brief = {
      day: days[0],
      network: 'mastodon',
      pillar: 'bakes',
      topic: 'A new loaf',
      format: 'educational',
      visualBrief: 'A loaf on a board',
    };
    const bad = readAnswer(
      JSON.stringify({
        briefs: [
          { ...brief, day: '2027-04-01' },
          { ...brief, network: 'linkedin', topic: 'Another' },
          { ...brief, pillar: 'news', topic: 'Third' },
          { ...brief, topic: 'Sourdough starter basics!' },
        ],
      }),
      schema,
    );
    expect(bad.ok).toBe(false);
    const error = bad.ok ? '' : bad.error;
    expect(error).toContain('briefs.0.day: Use one of the days');
    expect(error).toContain('briefs.1.network');
    expect(error).toContain('briefs.2.pillar: Use one of the pillar keys bakes, team, offers');
    expect(error).toContain('briefs.3.topic: This topic is already in the month');
  });

  it('counts a pillar within one brief of its share, and deals a network’s briefs to its accounts in turn', () => {
    expect(pillarRange(40, 100, 10)).toEqual({ low: 3, high: 5 });
    expect(pillarRange(20, 100, 3)).toEqual({ low: 0, high: 1 });
    expect(pillarRange(50, 100, 6)).toEqual({ low: 2, high: 4 });
    const brief = {
      network: 'mastodon' as const,
      pillar: 'bakes',
      topic: 't',
      format: 'educational' as const,
      visualBrief: 'v',
    };
    const dealt = assignAccounts(
      [
        { ...brief, day: days[2]! },
        { ...brief, day: days[0]! },
        { ...brief, day: days[1]! },
      ],
      small.networks,
    );
    expect(dealt.map((item) => [item.brief.day, item.accountId])).toEqual([
      [days[0], 'a1'],
      [days[1], 'a2'],
      [days[2], 'a1'],
    ]);
  });
});
