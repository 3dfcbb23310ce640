import { describe, expect, it } from 'vitest';
import { brandProfileSchema } from '@plume/contract/content/brand-profile';
import { scorePost, type ScoreInput } from './quality-score.ts';
import { testNetworks } from './test-networks.ts';

const network = (id: keyof typeof testNetworks) => testNetworks[id];

const brand = brandProfileSchema.parse({
  name: 'Northwind Roasters',
  industry: 'Specialty coffee',
  audience: 'Home baristas in Europe',
  voice: { tone: ['warm', 'expert'], formality: 0.4, emoji: 'some', person: 'first_plural' },
  topics: ['cold brew', 'espresso', 'roasting'],
  topicsToAvoid: ['politics', 'election'],
  ctaDefaults: ['Shop the beans'],
  language: 'en-GB',
  hashtags: { always: ['Northwind'], never: ['ad'] },
});

const linkedinPost = [
  'Why does cold brew taste smoother than iced coffee?',
  '',
  'It comes down to time and temperature. Hot water pulls acids and bitter compounds out of the beans in minutes. Cold water works slowly. Over sixteen hours it takes the sweet, chocolate notes and leaves most of the sharp ones behind.',
  '',
  'Here is how we make it at the roastery:',
  '1. Grind 100 g of beans coarse, like sea salt.',
  '2. Stir them into one litre of cold, filtered water.',
  '3. Leave the jar in the fridge for sixteen hours.',
  '4. Filter twice: once through a sieve, then through paper.',
  '5. Mix one part concentrate with one part water or milk.',
  '',
  'The concentrate keeps for a week in a sealed bottle, so one batch covers your mornings until the weekend. We like a medium roast from Brazil for this. It is sweet, low in acid and forgiving if you steep an hour too long.',
  '',
  'Have you tried it at home yet? Tell us how long you steep yours. Shop the beans we use on our site.',
].join('\n');

const score = (input: Partial<ScoreInput> & { text: string }) =>
  scorePost({ network: network('linkedin'), voice: { brand }, brief: 'cold brew at home', ...input });
const criterion = (result: Awaited<ReturnType<typeof scorePost>>, id: string) =>
  result.criteria.find((entry) => entry.id === id)!;

describe('scorePost', () => {
  it('scores a good LinkedIn post high and explains each criterion', async () => {
    const result = await score({ text: linkedinPost, hashtags: ['ColdBrew', 'Northwind', 'HomeBarista'] });
    expect(result.score).toBe(100);
    expect(criterion(result, 'length').reason).toBe(
      'The post is 950 characters, within the 800–2,000 that tends to do best on LinkedIn.',
    );
    expect(criterion(result, 'hook').reason).toBe(
      'The first line is short (51 characters). It asks a question and opens with "why".',
    );
    expect(criterion(result, 'cta').reason).toBe('It uses the brand\'s call to action "Shop the beans".');
    expect(criterion(result, 'hashtags').reason).toBe(
      '3 hashtags, within the 5 recommended on LinkedIn; all relate to the topic.',
    );
    expect(criterion(result, 'readability').reason).toMatch(/^Reading ease \d+ of 100 \(Flesch\): easy to read\.$/);
    // Without a voice check, voice is not scored and the seven other weights fill its share.
    expect(criterion(result, 'voice')).toMatchObject({ score: null, weight: 0 });
    expect(result.criteria.reduce((sum, entry) => sum + entry.weight, 0)).toBeCloseTo(1, 2);
  });

  it('flags an over-long X post and caps its score', async () => {
    const text =
      'Cold brew is smoother than iced coffee because cold water extracts fewer bitter compounds, and the long steep pulls out the sweet chocolate notes that make it so easy to drink, which is why we recommend a coarse grind, sixteen hours in the fridge, and a double filter through a sieve and then paper before diluting it one to one.';
    const result = await score({ text, network: network('x'), hashtags: ['ColdBrew', 'coffee'] });
    expect(result.score).toBe(40);
    expect(criterion(result, 'length')).toMatchObject({
      score: 0,
      reason: 'The post is 348 weighted characters; X allows 280, so it cannot be published as is.',
    });
    expect(criterion(result, 'hook').reason).toBe(
      'The first line is 329 characters; a short first line (100 or fewer) hooks readers on X. A question, a number or a strong verb up front would draw readers in.',
    );
    expect(criterion(result, 'readability').score).toBeLessThan(0.5);
    expect(criterion(result, 'cta')).toMatchObject({
      score: 0,
      reason: 'There is no call to action; tell readers what to do next (e.g. "Shop the beans").',
    });
  });

  it('caps a post that mentions a topic to avoid and names the topic', async () => {
    const result = await score({
      text: 'Whatever the Elections bring, your morning cold brew stays the same. Shop the beans today!',
      network: network('x'),
    });
    expect(result.score).toBe(30);
    expect(criterion(result, 'avoided_topics')).toMatchObject({
      score: 0,
      reason: 'It mentions "election", which the brand avoids.',
    });
  });

  it('caps a near-duplicate of a recent post', async () => {
    const text =
      'Our new cold brew kit is here: grind coarse, steep overnight, and enjoy a smooth cup every single morning. Shop the beans!';
    const recent = [
      'A roastery tour this Saturday.',
      'OUR NEW COLD BREW KIT IS HERE! Grind coarse, steep overnight and enjoy a smooth cup every single morning. Shop the beans now.',
    ];
    const result = await score({ text, network: network('x'), recentPosts: recent });
    expect(result.score).toBe(50);
    expect(criterion(result, 'duplicate')).toMatchObject({
      score: 0,
      reason: 'It is nearly the same as a recent post (95% similar); networks and followers penalize repeats.',
    });
  });

  it('uses a voice check when given one, and reports voice as not scored when it fails', async () => {
    const text = 'How we roast: 12 minutes, small batches, no shortcuts. Shop the beans!';
    const base = await score({ text, network: network('x'), hashtags: ['roasting'] });
    const seen: string[] = [];
    const voiceMatch = async (checked: string) => {
      seen.push(checked);
      return { score: 0, reason: 'Too stiff for a warm brand.' };
    };
    const voiced = await scorePost(
      { text, network: network('x'), voice: { brand }, hashtags: ['roasting'], brief: 'cold brew at home' },
      { voiceMatch },
    );
    expect(seen).toEqual([`${text}\n\n#roasting`]);
    expect(criterion(voiced, 'voice')).toEqual({
      id: 'voice',
      score: 0,
      weight: 0.1,
      reason: 'Too stiff for a warm brand.',
    });
    expect(criterion(voiced, 'length').weight).toBe(0.2);
    // The seven deterministic criteria now share 90% of the weight; voice (0) takes the other 10%.
    expect(Math.abs(voiced.score - base.score * 0.9)).toBeLessThanOrEqual(1);
    const failed = await scorePost(
      { text, network: network('x'), voice: { brand } },
      { voiceMatch: () => Promise.reject(new Error('model down')) },
    );
    expect(criterion(failed, 'voice').score).toBeNull();
  });

  it('penalizes hashtags the brand never uses and off-topic ones', async () => {
    const banned = await score({
      text: 'Fresh roast Friday. Shop the beans!',
      network: network('x'),
      hashtags: ['ad'],
    });
    expect(criterion(banned, 'hashtags')).toMatchObject({
      score: 0,
      reason: 'It uses #ad, which the brand never uses.',
    });
    const offTopic = await score({
      text: 'Fresh roast Friday. Shop the beans!',
      network: network('x'),
      hashtags: ['coldbrewlover', 'MondayMotivation', 'fun'],
    });
    expect(criterion(offTopic, 'hashtags').reason).toBe(
      '3 hashtags; X does best with at most 2; #MondayMotivation, #fun do not relate to the topic.',
    );
  });
});
