/** Reddit's inbox (comments, replies, mentions, messages), replies and moderator removal against the fake over real HTTP. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRedditFake, type FakeRedditThing, type RedditFake } from '@plume/testing/fakes/reddit';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { rejectionOf } from '@plume/testing/rejection-of';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import type { InboxItemReading, InboxItemRef } from '../inbox-contract.ts';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { redditProvider } from './provider.ts';

let fake: RedditFake;
let context: NetworkContext;
let account: AccountAuth;
let counter = 0;
const NOW = Date.now() / 1000;

beforeEach(async () => {
  fake = await startRedditFake();
  context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  account = fake.account();
});

afterEach(async () => {
  expect(fake.server.unhandled).toEqual([]);
  await fake.close();
});

function seed(overrides: Partial<FakeRedditThing> = {}): FakeRedditThing {
  counter += 1;
  const thing: FakeRedditThing = {
    name: `t1_c${counter.toString(36).padStart(5, '0')}`,
    type: 'post_reply',
    author: 'alice',
    body: `Comment ${counter}`,
    createdUtc: NOW - 3600 + counter,
    parentId: 't3_post1',
    linkId: 't3_post1',
    subreddit: 'test',
    inInbox: true,
    ...overrides,
  };
  fake.state.things.set(thing.name, thing);
  return thing;
}

const list = (cursor: string | null, limit = 100) => redditProvider.listInbox!(context, account, { cursor, limit });
const isInbox = (request: { path: string }) => request.path === '/message/inbox';

function refOf(item: InboxItemReading): InboxItemRef {
  const { remoteId, kind, conversationKey, parentRemoteId, postRemoteId, meta } = item;
  return { remoteId, kind, conversationKey, parentRemoteId, postRemoteId, authorId: item.author.id, meta };
}

describe('Reddit listInbox', () => {
  it('reads comments, replies (conversation = the top-level comment above), mentions and messages', async () => {
    const top = seed({ body: 'Nice post' });
    const ours = seed({ author: 'plume_tester', parentId: top.name, inInbox: false, type: null });
    const reply = seed({ type: 'comment_reply', parentId: ours.name, body: 'Thanks!' });
    const mention = seed({
      type: 'username_mention',
      linkId: 't3_other',
      subreddit: 'elsewhere',
      parentId: 't3_other',
    });
    const first = seed({ name: 't4_m1', type: null, parentId: null, subreddit: null, body: 'Hi there' });
    const answer = seed({ name: 't4_m2', type: null, parentId: 't4_m1', subreddit: null, firstMessageName: 't4_m1' });

    const page = await list(null);

    expect(page.more).toBe(false);
    expect(
      page.items.map((item) => [
        item.remoteId,
        item.kind,
        item.conversationKey,
        item.parentRemoteId,
        item.postRemoteId,
      ]),
    ).toEqual([
      [top.name, 'comment', top.name, null, 't3_post1'],
      [reply.name, 'reply', top.name, ours.name, 't3_post1'],
      [mention.name, 'mention', 't3_other', null, null],
      [first.name, 'message', 't4_m1', null, null],
      [answer.name, 'message', 't4_m1', 't4_m1', null],
    ]);
    expect(page.items[0]).toMatchObject({
      author: {
        id: 't2_alice',
        handle: 'u/alice',
        displayName: 'alice',
        profileUrl: 'https://www.reddit.com/user/alice',
      },
      text: 'Nice post',
      url: `https://www.reddit.com/r/test/comments/post1/a_post/${top.name.slice(3)}/`,
      fromAccount: false,
      meta: { linkId: 't3_post1', subreddit: 'test' },
    });
    expect(page.items[3]?.url).toBe('https://www.reddit.com/message/messages/m1');
    const [read] = fake.server.requests.filter(isInbox);
    expect(Object.fromEntries(read!.query)).toEqual({ limit: '100', raw_json: '1', mark: 'false' });
    expect(read!.headers['user-agent']).toMatch(/\(by \/u\/plume_tester\)$/);
    // /api/info walked up: our comment sits under another comment, which sits on the post.
    expect(
      fake.server.requests.filter((request) => request.path === '/api/info').map((r) => r.query.get('id')),
    ).toEqual([ours.name, top.name]);
  });

  it('the first read looks back 7 days; a second read returns only what is new, nothing twice', async () => {
    seed({ createdUtc: NOW - 8 * 24 * 3600 });
    const old = seed({ createdUtc: NOW - 6 * 24 * 3600 });
    const same = [seed({ createdUtc: NOW - 60 }), seed({ createdUtc: NOW - 60 })];

    const first = await list(null);
    expect(first.items.map((item) => item.remoteId)).toEqual([old.name, ...same.map((thing) => thing.name)]);

    const again = await list(first.cursor);
    expect(again.items).toEqual([]);
    expect(again.cursor).toBeNull();

    const later = [seed({ createdUtc: NOW - 60 }), seed({ createdUtc: NOW - 10 })];
    const next = await list(first.cursor);
    expect(next.items.map((item) => item.remoteId)).toEqual(later.map((thing) => thing.name));
    expect((await list(next.cursor)).items).toEqual([]);
  });

  it('pages through 250 new items 100 at a time, oldest first, more until all are read', async () => {
    const things = Array.from({ length: 250 }, (_, index) => seed({ createdUtc: NOW - 5000 + index }));
    const seen: string[] = [];
    let cursor: string | null = null;
    const mores: boolean[] = [];
    for (let read = 0; read < 4; read += 1) {
      const page = await list(cursor);
      seen.push(...page.items.map((item) => item.remoteId));
      mores.push(page.more);
      cursor = page.cursor ?? cursor;
    }
    expect(seen).toEqual(things.map((thing) => thing.name));
    expect(mores).toEqual([true, true, false, false]);
    // Each read follows Reddit's `after` paging down to the cursor.
    expect(
      fake.server.requests
        .filter(isInbox)
        .slice(0, 3)
        .map((r) => r.query.get('after')),
    ).toEqual([null, things[150]!.name, things[50]!.name]);
  });

  it('a deleted comment comes back gone, without a profile link', async () => {
    const deleted = seed({ deleted: true });
    const [item] = (await list(null)).items;
    expect(item).toMatchObject({
      remoteId: deleted.name,
      gone: true,
      text: '[deleted]',
      author: { handle: 'u/[deleted]' },
    });
    expect(item?.author.profileUrl).toBeUndefined();
  });

  it('maps 401, 403 (no privatemessages scope), 429 and 5xx to the typed errors', async () => {
    seed();
    fake.server.failNext({ status: 401, match: isInbox, body: { message: 'Unauthorized', error: 401 } });
    await rejectionOf(list(null), AuthExpired);

    const withoutScope = fake.account(['identity', 'submit', 'read']);
    await rejectionOf(redditProvider.listInbox!(context, withoutScope, { cursor: null, limit: 100 }), Permanent);

    fake.server.failNext({
      status: 429,
      match: isInbox,
      headers: { 'x-ratelimit-reset': '42' },
      body: { message: 'Too Many Requests', error: 429 },
    });
    const limited = await rejectionOf(list(null), RateLimited);
    expect([limited.retryAfterMs, limited.scope]).toEqual([42_000, 'app']);

    fake.server.failNext({ status: 503, match: isInbox, body: { message: 'Service Unavailable', error: 503 } });
    await rejectionOf(list(null), Retryable);
  });
});

describe('Reddit replyToInbox and moderateInbox', () => {
  it('replies to a comment with thing_id = its fullname, and to a message in its thread', async () => {
    seed({ name: 't1_top' });
    seed({ name: 't4_m1', type: null, parentId: null, subreddit: null });
    const [comment, message] = (await list(null)).items;

    const onComment = await redditProvider.replyToInbox!(context, account, {
      item: refOf(comment!),
      text: 'Thank you!',
      idempotencyKey: 'reply-1',
    });
    const onMessage = await redditProvider.replyToInbox!(context, account, {
      item: refOf(message!),
      text: 'Happy to help',
      idempotencyKey: 'reply-2',
    });

    const sent = fake.server.requests.filter((request) => request.path === '/api/comment').map((r) => r.body);
    expect(sent).toEqual([
      { api_type: 'json', thing_id: 't1_top', text: 'Thank you!' },
      { api_type: 'json', thing_id: 't4_m1', text: 'Happy to help' },
    ]);
    expect(onComment).toEqual({
      remoteId: expect.stringMatching(/^t1_/),
      url: expect.stringMatching(/^https:\/\/www\.reddit\.com\/r\/test\/comments\/post1\/a_post\//),
    });
    expect(fake.state.things.get(onComment.remoteId)).toMatchObject({ parentId: 't1_top', author: 'plume_tester' });
    expect(onMessage).toEqual({
      remoteId: expect.stringMatching(/^t4_/),
      url: 'https://www.reddit.com/message/messages/m1',
    });
  });

  it('a reply to a deleted comment fails in plain words', async () => {
    seed({ name: 't1_gone', deleted: true });
    const [item] = (await list(null)).items;
    const error = await rejectionOf(
      redditProvider.replyToInbox!(context, account, { item: refOf(item!), text: 'Hi', idempotencyKey: 'k' }),
      Permanent,
    );
    expect(error.vendorCode).toBe('DELETED_COMMENT');
  });

  it('hides (moderator removal) a comment where the account moderates; elsewhere says it cannot; never deletes', async () => {
    seed({ name: 't1_own', subreddit: 'u_plume_tester' });
    seed({ name: 't1_far', subreddit: 'test' });
    const [own, far] = (await list(null)).items;

    await redditProvider.moderateInbox!(context, account, { item: refOf(own!), action: 'hide' });
    expect(fake.state.things.get('t1_own')?.removed).toBe(true);
    expect(fake.server.requests.find((request) => request.path === '/api/remove')?.body).toEqual({
      id: 't1_own',
      spam: 'false',
    });

    const refused = await rejectionOf(
      redditProvider.moderateInbox!(context, account, { item: refOf(far!), action: 'hide' }),
      Permanent,
    );
    expect([refused.vendorCode, refused.reason]).toEqual(['not_moderator', expect.stringContaining('r/test')]);
    await rejectionOf(
      redditProvider.moderateInbox!(context, account, { item: refOf(far!), action: 'delete' }),
      Permanent,
    );
  });
});
