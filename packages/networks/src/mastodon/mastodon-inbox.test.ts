import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedMastodonMention, type MastodonFakePerson } from '@plume/testing/fakes/mastodon/inbox-routes';
import type { InboxItemReading, InboxItemRef } from '../inbox-contract.ts';
import { RateLimited } from '../provider-errors.ts';
import { mastodonProvider } from './provider.ts';
import { mastodonRequest, startMastodonTestBed, type MastodonTestBed } from './test-support/mastodon-test-bed.ts';

let bed: MastodonTestBed;
const listInbox = mastodonProvider.listInbox!;
const replyToInbox = mastodonProvider.replyToInbox!;

const ada: MastodonFakePerson = { id: '501', username: 'ada', acct: 'ada@other.example', displayName: 'Ada' };
const bo: MastodonFakePerson = { id: '502', username: 'bo', acct: 'bo', displayName: '' };

beforeEach(async () => {
  bed = await startMastodonTestBed();
  bed.account = {
    ...bed.account,
    tokens: { accessToken: bed.fake.issueToken('read:accounts read:notifications read:statuses write:statuses') },
  };
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function ourPost(text = 'Our post'): Promise<string> {
  return (await mastodonProvider.publish(bed.context, bed.account, mastodonRequest([{ text, media: [] }]))).remoteId;
}

function mention(account: MastodonFakePerson, text: string, inReplyToId: string | null, minutes: number) {
  return seedMastodonMention(bed.fake.state, {
    account,
    text,
    inReplyToId,
    visibility: 'public',
    createdAt: minutesAgo(minutes),
  });
}

function refOf(item: InboxItemReading): InboxItemRef {
  const { remoteId, kind, conversationKey, parentRemoteId, postRemoteId, meta } = item;
  return { remoteId, kind, conversationKey, parentRemoteId, postRemoteId, authorId: item.author.id, meta };
}

const pathIs = (path: string) => (request: { path: string }) => request.path === path;

describe('Mastodon inbox reading', () => {
  it('places comments, replies and mentions by their thread and reads direct messages by conversation', async () => {
    const post = await ourPost();
    const comment = mention(ada, '@plume nice', post, 30);
    const answer = mention(bo, '@plume @ada agreed', comment.id, 20);
    const elsewhere = mention(bo, 'cc @plume', null, 15);
    const dm = seedMastodonMention(bed.fake.state, {
      account: ada,
      text: '@plume a private question',
      inReplyToId: null,
      visibility: 'direct',
      createdAt: minutesAgo(10),
      conversationId: 'conv-1',
    });

    const page = await listInbox(bed.context, bed.account, { cursor: null, limit: 50 });
    expect(page.items.map((item) => [item.remoteId, item.kind, item.conversationKey, item.parentRemoteId])).toEqual([
      [comment.id, 'comment', comment.id, null],
      [answer.id, 'reply', comment.id, comment.id],
      [elsewhere.id, 'mention', elsewhere.id, null],
      [dm.id, 'message', 'conv-1', null],
    ]);
    expect(page.items.map((item) => item.postRemoteId)).toEqual([post, post, null, null]);
    expect(page.items[0]).toMatchObject({
      author: { id: '501', handle: 'ada@other.example', displayName: 'Ada', profileUrl: 'https://other.example/@ada' },
      text: '@plume nice',
      fromAccount: false,
      meta: { visibility: 'public', mentions: 'ada@other.example' },
    });
    expect(page.items[1]?.author.displayName).toBe('bo');
    expect(page.items[3]?.meta).toEqual({ visibility: 'direct', mentions: 'ada@other.example' });
    const notificationCall = bed.fake.server.requests.find(pathIs('/api/v1/notifications'));
    expect(notificationCall?.query.getAll('types[]')).toEqual(['mention']);
    expect(page.more).toBe(false);
  });

  it('pages notifications over several pages and then reads only what is new, forward with min_id', async () => {
    const post = await ourPost();
    const seeded = Array.from({ length: 170 }, (_, index) => mention(ada, `c${index}`, post, 500 - index));
    const first = await listInbox(bed.context, bed.account, { cursor: null, limit: 500 });
    expect(first.items.map((item) => item.remoteId)).toEqual(seeded.map((status) => status.id));
    expect(bed.fake.server.requests.filter(pathIs('/api/v1/notifications'))).toHaveLength(3);

    bed.fake.server.reset();
    const again = await listInbox(bed.context, bed.account, { cursor: first.cursor, limit: 500 });
    expect(again.items).toEqual([]);
    expect(bed.fake.server.requests.find(pathIs('/api/v1/notifications'))?.query.get('min_id')).toBe(
      bed.fake.state.inbox.notifications.at(-1)?.id,
    );
    const later = mention(bo, 'new', post, 1);
    const third = await listInbox(bed.context, bed.account, { cursor: again.cursor, limit: 500 });
    expect(third.items.map((item) => item.remoteId)).toEqual([later.id]);
  });

  it('hands the oldest first when more wait than the limit, without loss or repeat', async () => {
    const post = await ourPost();
    const seeded = Array.from({ length: 5 }, (_, index) => mention(ada, `c${index}`, post, 50 - index));
    const handed: string[] = [];
    let cursor: string | null = null;
    for (let read = 0; read < 3; read += 1) {
      const page = await listInbox(bed.context, bed.account, { cursor, limit: 2 });
      handed.push(...page.items.map((item) => item.remoteId));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(handed).toEqual(seeded.map((status) => status.id));
  });

  it('reads every new message of a conversation, ours included, and only once', async () => {
    const first = seedMastodonMention(bed.fake.state, {
      account: ada,
      text: '@plume hello',
      inReplyToId: null,
      visibility: 'direct',
      createdAt: minutesAgo(10),
      conversationId: 'conv-9',
    });
    const page = await listInbox(bed.context, bed.account, { cursor: null, limit: 50 });
    expect(page.items.map((item) => item.remoteId)).toEqual([first.id]);
    const sent = await replyToInbox(bed.context, bed.account, {
      item: refOf(page.items[0]!),
      text: 'Hi Ada',
      idempotencyKey: 'r-1',
    });
    const second = seedMastodonMention(bed.fake.state, {
      account: ada,
      text: '@plume thanks',
      inReplyToId: sent.remoteId,
      visibility: 'direct',
      createdAt: new Date(),
      conversationId: 'conv-9',
    });
    const next = await listInbox(bed.context, bed.account, { cursor: page.cursor, limit: 50 });
    expect(next.items.map((item) => [item.remoteId, item.fromAccount, item.conversationKey])).toEqual([
      [sent.remoteId, true, 'conv-9'],
      [second.id, false, 'conv-9'],
    ]);
  });

  it('looks back 7 days on the first read and marks a status deleted since its notification gone', async () => {
    const post = await ourPost();
    mention(ada, 'too old', post, 8 * 24 * 60);
    const deleted = mention(bo, 'deleted later', post, 5);
    const ctx = pathIs(`/api/v1/statuses/${deleted.id}/context`);
    bed.fake.server.failNext({ status: 404, match: ctx, body: { error: 'Record not found' } });
    const page = await listInbox(bed.context, bed.account, { cursor: null, limit: 50 });
    expect(page.items.map((item) => [item.remoteId, item.gone ?? false])).toEqual([[deleted.id, true]]);
  });

  it.each([
    [401, 'auth_expired'],
    [403, 'permanent'],
    [503, 'retryable'],
  ])('maps %i to %s', async (status, kind) => {
    bed.fake.server.failNext({ status, match: pathIs('/api/v1/notifications'), body: { error: 'no' } });
    await expect(listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).rejects.toMatchObject({ kind });
  });

  it('maps 429 to RateLimited until X-RateLimit-Reset, and a token without read:notifications to permanent', async () => {
    bed.fake.server.failNext({
      status: 429,
      match: pathIs('/api/v1/conversations'),
      headers: { 'x-ratelimit-reset': new Date(Date.now() + 90_000).toISOString() },
      body: { error: 'Too many requests' },
    });
    const error: unknown = await listInbox(bed.context, bed.account, { cursor: null, limit: 10 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RateLimited);
    expect((error as RateLimited).retryAfterMs).toBeGreaterThan(60_000);
    const publishOnly = { ...bed.account, tokens: { accessToken: bed.fake.issueToken() } };
    await expect(listInbox(bed.context, publishOnly, { cursor: null, limit: 10 })).rejects.toMatchObject({
      kind: 'permanent',
    });
  });
});

describe('Mastodon inbox answers', () => {
  it('replies with in_reply_to_id, the item’s visibility, the author named and the Idempotency-Key', async () => {
    const post = await ourPost();
    const comment = mention(ada, '@plume question?', post, 3);
    const [item] = (await listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).items;
    const request = { item: refOf(item!), text: 'Here is the answer', idempotencyKey: 'reply-7' };
    const sent = await replyToInbox(bed.context, bed.account, request);
    const again = await replyToInbox(bed.context, bed.account, request);
    expect(again.remoteId).toBe(sent.remoteId);
    const call = bed.fake.server.requests.filter(pathIs('/api/v1/statuses')).at(-1);
    expect(call?.headers['idempotency-key']).toBe('reply-7');
    expect(call?.body).toEqual({
      status: '@ada@other.example Here is the answer',
      in_reply_to_id: comment.id,
      visibility: 'public',
    });
    expect(sent.url).toContain(sent.remoteId);
  });

  it('answers a direct message as direct, naming the participants only once', async () => {
    seedMastodonMention(bed.fake.state, {
      account: ada,
      text: '@plume hi',
      inReplyToId: null,
      visibility: 'direct',
      createdAt: minutesAgo(2),
      conversationId: 'conv-2',
    });
    const [item] = (await listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).items;
    await replyToInbox(bed.context, bed.account, {
      item: refOf(item!),
      text: 'Hello @ada@other.example!',
      idempotencyKey: 'dm-1',
    });
    const call = bed.fake.server.requests.filter(pathIs('/api/v1/statuses')).at(-1);
    expect(call?.body).toMatchObject({ status: 'Hello @ada@other.example!', visibility: 'direct' });
  });
});
