import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphError, startFacebookFake, type FacebookFake } from '@plume/testing/fakes/facebook';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import type { InboxItemReading, InboxItemRef } from '../inbox-contract.ts';
import { AuthExpired, Permanent, RateLimited, ReplyWindowClosed, Retryable } from '../provider-errors.ts';
import { facebookProvider } from './provider.ts';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

const HOUR = 3600;
const nowSec = (): number => Math.floor(Date.now() / 1000);
const alice = { id: 'psid-alice', name: 'Alice Baker' };
const bob = { id: 'psid-bob', name: 'Bob Crumb' };

function ref(item: InboxItemReading): InboxItemRef {
  return {
    remoteId: item.remoteId,
    kind: item.kind,
    conversationKey: item.conversationKey,
    parentRemoteId: item.parentRemoteId,
    postRemoteId: item.postRemoteId,
    authorId: item.author.id,
    meta: item.meta,
  };
}

describe('Facebook inbox', () => {
  let fake: FacebookFake;
  let context: NetworkContext;
  let page: AccountAuth;
  const listInbox = facebookProvider.listInbox!;
  const replyToInbox = facebookProvider.replyToInbox!;
  const moderateInbox = facebookProvider.moderateInbox!;

  async function readAll(
    cursor: string | null,
    limit: number,
  ): Promise<{ items: InboxItemReading[]; cursor: string | null; calls: number }> {
    const items: InboxItemReading[] = [];
    let current = cursor;
    for (let calls = 1; calls < 20; calls += 1) {
      const result = await listInbox(context, page, { cursor: current, limit });
      items.push(...result.items);
      current = result.cursor ?? current;
      if (!result.more) return { items, cursor: current, calls };
    }
    throw new Error('never finished');
  }

  beforeAll(async () => {
    fake = await startFacebookFake();
    context = createTestNetworkContext(fake.endpoints, { app: { clientId: 'fb-app', clientSecret: 'fb-secret' } });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.posts.clear();
    fake.inbox.state.posts.clear();
    fake.inbox.state.comments.clear();
    fake.inbox.state.conversations.clear();
    fake.inbox.state.sent.length = 0;
    page = {
      externalId: '101',
      tokens: { accessToken: fake.state.pages.get('101')?.token ?? '' },
      metadata: { pageId: '101' },
    };
    const start = nowSec() - 2 * 24 * HOUR;
    fake.inbox.addPost({ id: '101_1', pageId: '101', createdSec: start });
    fake.inbox.addPost({ id: '101_77', pageId: '101', createdSec: start, statusType: 'added_video' });
    // Published 20 days ago, commented on today.
    fake.inbox.addPost({ id: '101_2', pageId: '101', createdSec: nowSec() - 20 * 24 * HOUR });
    const person = (n: number): { id: string; name: string } => ({ id: `user-${n}`, name: `User ${n}` });
    for (let n = 1; n <= 5; n += 1)
      fake.inbox.addComment({
        id: `1_c${n}`,
        postId: '101_1',
        from: person(n),
        message: `Comment ${n}`,
        createdSec: start + n * HOUR,
      });
    fake.inbox.addComment({
      id: '1_r1',
      postId: '101_1',
      parentId: '1_c1',
      from: person(9),
      message: 'Same here',
      createdSec: start + 6 * HOUR,
    });
    fake.inbox.addComment({
      id: '1_r2',
      postId: '101_1',
      parentId: '1_c1',
      from: { id: '101', name: 'Bakery on Main' },
      message: 'Thank you!',
      createdSec: start + 7 * HOUR,
    });
    fake.inbox.addComment({
      id: '77_c1',
      postId: '101_77',
      from: person(7),
      message: 'Great video',
      createdSec: start + 8 * HOUR,
    });
    fake.inbox.addComment({
      id: '2_old',
      postId: '101_2',
      from: person(8),
      message: 'Too old',
      createdSec: nowSec() - 10 * 24 * HOUR,
    });
    fake.inbox.addComment({
      id: '2_c1',
      postId: '101_2',
      from: person(8),
      message: 'Still fresh?',
      createdSec: nowSec() - HOUR,
    });
    fake.inbox.addMessage({
      ownerId: '101',
      person: alice,
      id: 'm_a1',
      message: 'Are you open Sunday?',
      createdSec: start + 30 * 60,
    });
    fake.inbox.addMessage({
      ownerId: '101',
      person: alice,
      id: 'm_a2',
      message: 'Yes, 8 to 12.',
      createdSec: start + 40 * 60,
      fromOwner: true,
    });
    fake.inbox.addMessage({
      ownerId: '101',
      person: bob,
      id: 'm_b1',
      message: 'Do you deliver?',
      createdSec: nowSec() - 2 * HOUR,
    });
  });

  it('reads comments, replies and messages of the last 7 days oldest first, over several pages, each once', async () => {
    const { items, calls } = await readAll(null, 4);
    expect(calls).toBe(3);
    expect(items.map((item) => item.remoteId)).toEqual([
      'm_a1',
      'm_a2',
      '1_c1',
      '1_c2',
      '1_c3',
      '1_c4',
      '1_c5',
      '1_r1',
      '1_r2',
      '77_c1',
      'm_b1',
      '2_c1',
    ]);
    const times = items.map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(fake.server.unhandled).toEqual([]);
  });

  it('maps comments, replies, our own answers, video posts and messages', async () => {
    const { items } = await readAll(null, 100);
    const byId = new Map(items.map((item) => [item.remoteId, item]));
    expect(byId.get('1_c1')).toMatchObject({
      kind: 'comment',
      conversationKey: '1_c1',
      parentRemoteId: null,
      postRemoteId: '101_1',
      author: { id: 'user-1', displayName: 'User 1' },
      text: 'Comment 1',
      fromAccount: false,
    });
    expect(byId.get('1_r1')).toMatchObject({ kind: 'reply', conversationKey: '1_c1', parentRemoteId: '1_c1' });
    expect(byId.get('1_r2')).toMatchObject({ kind: 'reply', fromAccount: true });
    // Publishing stores a video post as its video id.
    expect(byId.get('77_c1')?.postRemoteId).toBe('77');
    expect(byId.get('m_a1')).toMatchObject({
      kind: 'message',
      conversationKey: 'psid-alice',
      author: { id: 'psid-alice', displayName: 'Alice Baker' },
      fromAccount: false,
      meta: { recipientId: 'psid-alice', conversationId: 't_psid-alice' },
    });
    expect(byId.get('m_a2')).toMatchObject({ conversationKey: 'psid-alice', fromAccount: true });
    const commentsRead = fake.server.requests.filter((request) => request.path.endsWith('/comments'));
    expect(commentsRead[0]?.query.get('filter')).toBe('stream');
    expect(commentsRead.every((request) => Number(request.query.get('since')) > nowSec() - 7 * 24 * HOUR - 60)).toBe(
      true,
    );
  });

  it('returns only what is new on the next read, and nothing on a read after that', async () => {
    const first = await readAll(null, 100);
    fake.inbox.addComment({
      id: '1_c6',
      postId: '101_1',
      from: { id: 'user-6', name: 'User 6' },
      message: 'New one',
      createdSec: nowSec(),
    });
    fake.inbox.addMessage({ ownerId: '101', person: alice, id: 'm_a3', message: 'Thanks!', createdSec: nowSec() });
    const second = await readAll(first.cursor, 100);
    expect(second.items.map((item) => item.remoteId).sort()).toEqual(['1_c6', 'm_a3']);
    const third = await listInbox(context, page, { cursor: second.cursor, limit: 100 });
    expect(third).toMatchObject({ items: [], more: false });
  });

  it('follows a conversation’s own message paging when it has more new messages than one page', async () => {
    fake.inbox.state.conversations.clear();
    for (let n = 0; n < 40; n += 1)
      fake.inbox.addMessage({
        ownerId: '101',
        person: bob,
        id: `m_many_${n}`,
        message: `Line ${n}`,
        createdSec: nowSec() - 3 * HOUR + n,
      });
    const { items } = await readAll(null, 100);
    expect(items.filter((item) => item.kind === 'message')).toHaveLength(40);
    expect(fake.server.requests.some((request) => request.path.endsWith('/t_psid-bob/messages'))).toBe(true);
  });

  it('maps 401, 403, 429 and 5xx to the typed errors', async () => {
    fake.server.failNext({ ...graphError(190, 'Error validating access token: Session has expired', 401) });
    expect(await failure(listInbox(context, page, { cursor: null, limit: 10 }))).toBeInstanceOf(AuthExpired);
    fake.server.failNext({ ...graphError(200, '(#200) Requires pages_read_user_content permission', 403) });
    expect(await failure(listInbox(context, page, { cursor: null, limit: 10 }))).toBeInstanceOf(Permanent);
    fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '120' },
      body: graphError(32, 'Page request limit reached').body,
    });
    const limited = await failure(listInbox(context, page, { cursor: null, limit: 10 }));
    expect(limited).toBeInstanceOf(RateLimited);
    expect((limited as RateLimited).retryAfterMs).toBe(120_000);
    fake.server.failNext({ status: 503, body: graphError(2, 'Service temporarily unavailable').body });
    expect(await failure(listInbox(context, page, { cursor: null, limit: 10 }))).toBeInstanceOf(Retryable);
  });

  it('answers a comment under it, a reply under its top-level comment, and a message through the Send API', async () => {
    const { items } = await readAll(null, 100);
    const byId = new Map(items.map((item) => [item.remoteId, item]));
    const onComment = await replyToInbox(context, page, {
      item: ref(byId.get('2_c1')!),
      text: 'Yes, baked this morning.',
      idempotencyKey: 'k1',
    });
    expect(fake.inbox.state.comments.get(onComment.remoteId)).toMatchObject({ parentId: '2_c1', from: { id: '101' } });
    const onReply = await replyToInbox(context, page, {
      item: ref(byId.get('1_r1')!),
      text: 'Glad you like it',
      idempotencyKey: 'k2',
    });
    expect(fake.inbox.state.comments.get(onReply.remoteId)?.parentId).toBe('1_c1');
    const posted = fake.server.requests.filter((request) => request.method === 'POST').map((request) => request.path);
    expect(posted).toEqual(['/v26.0/2_c1/comments', '/v26.0/1_c1/comments']);

    const sent = await replyToInbox(context, page, {
      item: ref(byId.get('m_b1')!),
      text: 'We do, within 5 km.',
      idempotencyKey: 'k3',
    });
    expect(sent.remoteId).toMatch(/^m_/);
    expect(fake.inbox.state.sent).toEqual([
      { recipient: { id: 'psid-bob' }, messagingType: 'RESPONSE', message: { text: 'We do, within 5 km.' } },
    ]);
  });

  it('refuses a message answer outside the 24-hour window with ReplyWindowClosed', async () => {
    const { items } = await readAll(null, 100);
    const old = items.find((item) => item.remoteId === 'm_a1')!;
    const error = await failure(
      replyToInbox(context, page, { item: ref(old), text: 'Sorry for the delay', idempotencyKey: 'k4' }),
    );
    expect(error).toBeInstanceOf(ReplyWindowClosed);
    expect(error).toBeInstanceOf(Permanent);
    expect((error as ReplyWindowClosed).reason).toMatch(/24 hours/);
  });

  it('hides and deletes comments; deleting one already gone succeeds; messages cannot be moderated', async () => {
    const { items } = await readAll(null, 100);
    const byId = new Map(items.map((item) => [item.remoteId, item]));
    await moderateInbox(context, page, { item: ref(byId.get('1_c2')!), action: 'hide' });
    expect(fake.inbox.state.comments.get('1_c2')?.hidden).toBe(true);
    expect(fake.server.requests.at(-1)?.body).toEqual({ is_hidden: true });
    await moderateInbox(context, page, { item: ref(byId.get('1_c3')!), action: 'delete' });
    expect(fake.inbox.state.comments.has('1_c3')).toBe(false);
    await moderateInbox(context, page, { item: ref(byId.get('1_c3')!), action: 'delete' });
    // A deleted comment is no longer read.
    const again = await readAll(null, 100);
    expect(again.items.map((item) => item.remoteId)).not.toContain('1_c3');
    expect(again.items.find((item) => item.remoteId === '1_c2')?.meta['hidden']).toBe('true');
    expect(
      await failure(moderateInbox(context, page, { item: ref(byId.get('m_b1')!), action: 'hide' })),
    ).toBeInstanceOf(Permanent);
  });
});
