import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { measuredPosts } from '@plume/db/schema/analytics';
import { workspaces } from '@plume/db/schema/workspaces';
import type { HistoryPost } from '@plume/insights/index';
import { seedAccount } from '@plume/testing/seed-analytics';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { clearModelCache } from '../../insights/account-models.ts';
import { promptTokensOf } from '../model-step.ts';
import { strategyPrompt } from '../strategy/strategy-prompt.ts';
import { noCompetitors } from './competitor-source.ts';
import { gatherFacts, MAX_ACCOUNTS } from './gather-facts.ts';
import { intelligencePrompt } from './intelligence-prompt.ts';
import { rescale, termsOf, weekdayIndex } from './summarize-history.ts';

/** What a local 8B model with an 8k context must hold: the prompt plus the answer. */
const CONTEXT_TOKENS = 8192;

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 2 });
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

const post = (text: string, likes: number, at: string): HistoryPost => ({
  publishedAt: new Date(at),
  network: 'mastodon',
  text,
  likes,
  reposts: 0,
  replies: 0,
});

describe('summarizing a history', () => {
  it('ranks hashtags and topics by the posts using them, without links, mentions or common words', () => {
    const history = [
      post('Fresh #Sourdough today, come early! https://crumb.example/today @friend', 10, '2026-11-02T08:00:00Z'),
      post('Our #sourdough starter turns five #bakery', 30, '2026-11-03T08:00:00Z'),
      post('Croissants and #sourdough this morning #bakery', 20, '2026-11-04T08:00:00Z'),
      post('Croissants again, because croissants matter', 5, '2026-11-05T08:00:00Z'),
      post('Croissants for the weekend market', 15, '2026-11-07T08:00:00Z'),
    ];
    const { hashtags, topics } = termsOf(rescale(history));
    expect(hashtags.map((tag) => [tag.tag, tag.posts])).toEqual([
      ['sourdough', 3],
      ['bakery', 2],
    ]);
    expect(topics).toEqual([{ term: 'croissants', posts: 3 }]);
    expect(topics.map((topic) => topic.term)).not.toContain('https');
  });

  it('indexes engagement per weekday in the zone, Monday first, 100 being the usual', () => {
    // Sunday 23:30 UTC is Monday in Paris.
    const history = [post('a', 10, '2026-11-01T23:30:00Z'), post('b', 30, '2026-11-03T10:00:00Z')];
    const index = weekdayIndex(rescale(history), 'Europe/Paris');
    expect(index[0]).toBeLessThan(100);
    expect(index[1]).toBeGreaterThan(100);
    expect(index.slice(2)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('the intelligence summary of a large workspace', () => {
  it('stays a few thousand characters however long the history, so both agents fit an 8k context', async () => {
    clearModelCache();
    const workspaceId = `ws-${randomUUID()}`;
    await db.insert(workspaces).values({ id: workspaceId, name: 'Big', slug: workspaceId, timezone: 'Europe/Paris' });
    const accounts = await Promise.all(
      Array.from({ length: MAX_ACCOUNTS + 2 }, (_, index) =>
        seedAccount(db, { workspaceId, network: index % 2 === 0 ? 'mastodon' : 'bluesky', handle: `crumb${index}` }),
      ),
    );
    const words = 'sourdough croissant baguette brioche pastry seasonal market festival breakfast coffee'.split(' ');
    let postsSeeded = 0;
    for (const [index, accountId] of accounts.slice(0, 3).entries()) {
      const rows = Array.from({ length: 2000 }, (_, number) => {
        const text = `${words[number % 10]} ${words[(number * 3) % 10]} ${'and a long story about the day at the bakery '.repeat(6)} #${words[number % 7]} #tag${number % 40} #crumb${index}`;
        return {
          workspaceId,
          accountId,
          network: index % 2 === 0 ? ('mastodon' as const) : ('bluesky' as const),
          remoteId: `r-${index}-${number}`,
          source: 'backfill' as const,
          publishedAt: new Date(Date.UTC(2026, 0, 1) + number * 3 * 3_600_000),
          text,
          charCount: text.length,
          engagements: (number * 37) % 101,
        };
      });
      for (let start = 0; start < rows.length; start += 500)
        await db.insert(measuredPosts).values(rows.slice(start, start + 500));
      postsSeeded += rows.length;
    }
    const facts = await gatherFacts({ db, competitors: noCompetitors }, { workspaceId, zone: 'Europe/Paris' });
    expect(facts.postsAnalysed).toBe(postsSeeded);
    expect(facts.accounts).toHaveLength(MAX_ACCOUNTS);
    expect(facts.hashtags).toHaveLength(10);
    const measured = facts.accounts.filter((account) => account.postsAnalysed > 0);
    expect(measured.length).toBeGreaterThan(0);
    for (const account of measured) {
      expect(account.topPosts).toHaveLength(3);
      for (const quoted of account.topPosts) expect(quoted.text.length).toBeLessThanOrEqual(100);
    }

    const intelligence = intelligencePrompt(facts);
    const item = 'x'.repeat(240);
    const reading = { highlights: Array(5).fill(item), opportunities: Array(5).fill(item), risks: Array(5).fill(item) };
    const brief = {
      brand: { name: 'Crumb', industry: 'Bakery', audience: 'x'.repeat(200), tone: 'warm, playful', language: 'en' },
      pillars: Array.from({ length: 10 }, (_, index) => ({ key: `pillar-${index}`, name: 'P'.repeat(60), share: 10 })),
      goals: Array.from({ length: 10 }, () => 'g'.repeat(200)),
      months: ['2027-01', '2027-02', '2027-03'],
    };
    const strategy = strategyPrompt(brief, { facts, reading });
    const sizes = { intelligence: promptTokensOf(intelligence), strategy: promptTokensOf(strategy) };
    console.info(`prompt tokens at the largest: ${JSON.stringify(sizes)}`);
    expect(sizes.intelligence).toBeLessThan(2_500);
    expect(sizes.strategy).toBeLessThan(2_500);
    expect(sizes.intelligence + intelligence.maxOutputTokens).toBeLessThan(CONTEXT_TOKENS);
    expect(sizes.strategy + strategy.maxOutputTokens).toBeLessThan(CONTEXT_TOKENS);
  });
});
