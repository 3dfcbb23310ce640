import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedXPost } from '@plume/testing/fakes/x/inbox-routes';
import type { InboxItemReading, InboxItemRef } from '../inbox-contract.ts';
import { RateLimited } from '../provider-errors.ts';
import { xProvider } from './provider.ts';
import { startXTestBed, type XTestBed } from './test-support/x-test-bed.ts';

let bed: XTestBed;
const listInbox = xProvider.listInbox!;
const replyToInbox = xProvider.replyToInbox!;
const moderateInbox = xProvider.moderateInbox!;

const ada = { id: '900001', username: 'ada', name: 'Ada L.' };
const bo = { id: '900002', username: 'bo', name: 'Bo' };

beforeEach(async () => {
  bed = await startXTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const isMentions = (request: { path: string }) => request.path.endsWith('/mentions');

async function ourPost(text = 'Our post'): Promise<string> {
  const result = await xProvider.publish(bed.context, bed.account, {
    parts: [{ text, media: [] }],
    settings: {},
    idempotencyKey: `k-${Math.random()}`,
  });
  return result.remoteId;
}

function post(author: typeof ada, text: string, replyTo: string | undefined, minutes: number) {
  return seedXPost(bed.fake.state, {
    author,
    text,
    createdAt: minutesAgo(minutes),
    ...(replyTo === undefined ? {} : { replyTo }),
  });
}

function refOf(item: InboxItemReading): InboxItemRef {
  const { remoteId, kind, conversationKey, parentRemoteId, postRemoteId, meta } = item;
  return { remoteId, kind, conversationKey, parentRemoteId, postRemoteId, authorId: item.author.id, meta };
}

describe('X inbox reading', () => {
  it('tells comments, replies and mentions apart by their conversation', async () => {
    const ours = await ourPost();
    const comment = post(ada, '@plume_test great', ours, 30);
    const answer = post(bo, '@ada @plume_test agreed', comment.id, 20);
    const elsewhere = post(bo, 'hello @plume_test', undefined, 10);
    const page = await listInbox(bed.context, bed.account, { cursor: null, limit: 50 });
    expect(page.items.map((item) => [item.remoteId, item.kind, item.conversationKey, item.parentRemoteId])).toEqual([
      [comment.id, 'comment', comment.id, null],
      [answer.id, 'reply', comment.id, comment.id],
      [elsewhere.id, 'mention', elsewhere.id, null],
    ]);
    expect(page.items.map((item) => item.postRemoteId)).toEqual([ours, ours, null]);
    expect(page.items[0]).toMatchObject({
      author: { id: ada.id, handle: 'ada', displayName: 'Ada L.', profileUrl: 'https://x.com/ada' },
      url: `https://x.com/ada/status/${comment.id}`,
      fromAccount: false,
      meta: { conversationId: ours },
    });
    const call = bed.fake.server.requests.find(isMentions);
    expect(call?.query.get('expansions')).toBe('author_id');
    expect(call?.query.get('start_time')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('pages back over several pages, then reads only what is new with since_id', async () => {
    const ours = await ourPost();
    const seeded = Array.from({ length: 230 }, (_, index) => post(ada, `@plume_test ${index}`, ours, 300 - index));
    const first = await listInbox(bed.context, bed.account, { cursor: null, limit: 500 });
    expect(first.items.map((item) => item.remoteId)).toEqual(seeded.map((item) => item.id));
    expect(bed.fake.server.requests.filter(isMentions)).toHaveLength(3);
    expect(first.more).toBe(false);
    bed.fake.server.reset();
    const again = await listInbox(bed.context, bed.account, { cursor: first.cursor, limit: 500 });
    expect(again.items).toEqual([]);
    expect(bed.fake.server.requests.find(isMentions)?.query.get('since_id')).toBe(seeded.at(-1)?.id);
    const later = post(bo, '@plume_test new', undefined, 1);
    const third = await listInbox(bed.context, bed.account, { cursor: again.cursor, limit: 500 });
    expect(third.items.map((item) => item.remoteId)).toEqual([later.id]);
  });

  it('hands the oldest first within the limit, without loss or repeat, and skips deleted posts', async () => {
    const ours = await ourPost();
    const seeded = Array.from({ length: 5 }, (_, index) => post(ada, `@plume_test ${index}`, ours, 50 - index));
    bed.fake.state.posts.delete(seeded[2]!.id);
    const handed: string[] = [];
    let cursor: string | null = null;
    for (let read = 0; read < 3; read += 1) {
      const page = await listInbox(bed.context, bed.account, { cursor, limit: 2 });
      handed.push(...page.items.map((item) => item.remoteId));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(handed).toEqual([seeded[0]!.id, seeded[1]!.id, seeded[3]!.id, seeded[4]!.id]);
  });

  it.each([
    [401, 'auth_expired'],
    [403, 'permanent'],
    [503, 'retryable'],
  ])('maps %i to %s', async (status, kind) => {
    bed.fake.server.failNext({ status, match: isMentions, body: { title: 'x', detail: 'x', status } });
    await expect(listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).rejects.toMatchObject({ kind });
  });

  it('maps 429 to RateLimited until x-rate-limit-reset', async () => {
    bed.fake.server.failNext({
      status: 429,
      match: isMentions,
      headers: { 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 600) },
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', status: 429 },
    });
    const error: unknown = await listInbox(bed.context, bed.account, { cursor: null, limit: 10 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RateLimited);
    expect((error as RateLimited).retryAfterMs).toBeGreaterThan(500_000);
  });
});

describe('X inbox answers', () => {
  it('replies with reply.in_reply_to_tweet_id and hides a reply in our conversation', async () => {
    const ours = await ourPost();
    const comment = post(ada, '@plume_test spam', ours, 3);
    const [item] = (await listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).items;
    const sent = await replyToInbox(bed.context, bed.account, {
      item: refOf(item!),
      text: 'Thanks',
      idempotencyKey: 'r',
    });
    const call = bed.fake.server.requests.filter((request) => request.path === '/2/tweets').at(-1);
    expect(call?.body).toEqual({ text: 'Thanks', reply: { in_reply_to_tweet_id: comment.id } });
    expect(sent.url).toBe(`https://x.com/plume_test/status/${sent.remoteId}`);

    await moderateInbox(bed.context, bed.account, { item: refOf(item!), action: 'hide' });
    expect(bed.fake.state.inbox.hidden.has(comment.id)).toBe(true);
    const hideCall = bed.fake.server.requests.find((request) => request.path.endsWith('/hidden'));
    expect([hideCall?.method, hideCall?.body]).toEqual(['PUT', { hidden: true }]);
    await expect(
      moderateInbox(bed.context, bed.account, { item: refOf(item!), action: 'delete' }),
    ).rejects.toMatchObject({ kind: 'permanent' });
  });

  it('refuses to hide a mention outside our conversations', async () => {
    post(bo, 'hello @plume_test', undefined, 2);
    const [item] = (await listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).items;
    await expect(moderateInbox(bed.context, bed.account, { item: refOf(item!), action: 'hide' })).rejects.toMatchObject(
      {
        kind: 'permanent',
        reason: expect.stringContaining('conversations you started'),
      },
    );
  });
});
