import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphError } from '@plume/testing/fakes/graph-error';
import { startInstagramFake, type InstagramFake } from '@plume/testing/fakes/instagram';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import type { InboxItemReading, InboxItemRef } from '../inbox-contract.ts';
import { AuthExpired, Permanent, RateLimited, ReplyWindowClosed, Retryable } from '../provider-errors.ts';
import { instagramProvider } from './provider.ts';

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
const graphTime = (sec: number): string => new Date(sec * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');
const fan = (n: number): { id: string; name: string } => ({ id: `igsid-${n}`, name: `fan.${n}` });

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

describe('Instagram inbox', () => {
  let fake: InstagramFake;
  let context: NetworkContext;
  let account: AccountAuth;
  const listInbox = instagramProvider.listInbox!;
  const replyToInbox = instagramProvider.replyToInbox!;
  const moderateInbox = instagramProvider.moderateInbox!;

  async function readAll(
    cursor: string | null,
    limit: number,
  ): Promise<{ items: InboxItemReading[]; cursor: string | null; calls: number }> {
    const items: InboxItemReading[] = [];
    let current = cursor;
    for (let calls = 1; calls < 20; calls += 1) {
      const result = await listInbox(context, account, { cursor: current, limit });
      items.push(...result.items);
      current = result.cursor ?? current;
      if (!result.more) return { items, cursor: current, calls };
    }
    throw new Error('never finished');
  }

  function addMedia(id: string, createdSec: number, comments: number): void {
    fake.state.media.set(id, { id, containerId: `c${id}`, permalink: `https://www.instagram.com/p/${id}/` });
    fake.state.stats.set(id, { timestamp: graphTime(createdSec), productType: 'FEED', comments, insights: {} });
  }

  beforeAll(async () => {
    fake = await startInstagramFake();
    context = createTestNetworkContext(fake.endpoints, { app: { clientId: 'ig-app', clientSecret: 'ig-secret' } });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.media.clear();
    fake.state.stats.clear();
    fake.inbox.state.comments.clear();
    fake.inbox.state.conversations.clear();
    fake.inbox.state.sent.length = 0;
    account = {
      externalId: fake.state.user.userId,
      tokens: { accessToken: fake.issueToken() },
      metadata: { igUserId: fake.state.user.userId },
    };
    const own = { id: fake.state.user.userId, name: fake.state.user.username };
    const start = nowSec() - 3 * 24 * HOUR;
    addMedia('1801', start, 60);
    addMedia('1802', start, 0);
    for (let n = 1; n <= 60; n += 1)
      fake.inbox.addComment({
        id: `c${n}`,
        mediaId: '1801',
        from: fan(n),
        text: `Love it ${n}`,
        createdSec: start + n * 60,
      });
    fake.inbox.addComment({
      id: 'r1',
      mediaId: '1801',
      parentId: 'c1',
      from: fan(99),
      text: 'Me too',
      createdSec: start + 2 * HOUR,
    });
    fake.inbox.addComment({
      id: 'r2',
      mediaId: '1801',
      parentId: 'c1',
      from: own,
      text: 'Thank you!',
      createdSec: start + 3 * HOUR,
    });
    fake.inbox.addComment({
      id: 'old',
      mediaId: '1801',
      from: fan(98),
      text: 'Ancient',
      createdSec: nowSec() - 9 * 24 * HOUR,
    });
    fake.inbox.addMessage({
      ownerId: own.id,
      person: fan(1),
      id: 'aWdfm1',
      message: 'Do you ship?',
      createdSec: start + 4 * HOUR,
    });
    fake.inbox.addMessage({
      ownerId: own.id,
      person: fan(2),
      id: 'aWdfm2',
      message: 'Hi!',
      createdSec: nowSec() - HOUR,
    });
  });

  it('reads comments (over several comment pages), nested replies and messages, oldest first, each once', async () => {
    const { items, calls } = await readAll(null, 25);
    expect(calls).toBe(3);
    expect(items).toHaveLength(64);
    expect(new Set(items.map((item) => item.remoteId)).size).toBe(64);
    expect(items.map((item) => item.remoteId)).not.toContain('old');
    expect(items.at(-1)?.remoteId).toBe('aWdfm2');
    const times = items.map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const commentReads = fake.server.requests.filter((request) => request.path.endsWith('/comments'));
    expect(commentReads.some((request) => request.query.get('after') !== null)).toBe(true);
    // A media without comments is not opened.
    expect(commentReads.some((request) => request.path.includes('/1802/'))).toBe(false);
    expect(fake.server.unhandled).toEqual([]);
  });

  it('maps comments, replies, our own replies and messages', async () => {
    const { items } = await readAll(null, 100);
    const byId = new Map(items.map((item) => [item.remoteId, item]));
    expect(byId.get('c1')).toMatchObject({
      kind: 'comment',
      conversationKey: 'c1',
      parentRemoteId: null,
      postRemoteId: '1801',
      author: { id: 'igsid-1', handle: 'fan.1' },
      fromAccount: false,
    });
    expect(byId.get('r1')).toMatchObject({ kind: 'reply', conversationKey: 'c1', parentRemoteId: 'c1' });
    expect(byId.get('r2')).toMatchObject({ kind: 'reply', fromAccount: true });
    expect(byId.get('aWdfm1')).toMatchObject({
      kind: 'message',
      conversationKey: 'igsid-1',
      author: { handle: 'fan.1' },
      meta: { recipientId: 'igsid-1' },
    });
  });

  it('returns only what is new on the next read', async () => {
    const first = await readAll(null, 100);
    fake.inbox.addComment({ id: 'c61', mediaId: '1801', from: fan(61), text: 'New', createdSec: nowSec() });
    fake.inbox.addComment({
      id: 'r3',
      mediaId: '1801',
      parentId: 'c2',
      from: fan(62),
      text: 'Agreed',
      createdSec: nowSec(),
    });
    fake.inbox.addMessage({
      ownerId: fake.state.user.userId,
      person: fan(2),
      id: 'aWdfm3',
      message: 'Hello?',
      createdSec: nowSec(),
    });
    const second = await readAll(first.cursor, 100);
    expect(second.items.map((item) => item.remoteId).sort()).toEqual(['aWdfm3', 'c61', 'r3']);
    expect((await listInbox(context, account, { cursor: second.cursor, limit: 100 })).items).toEqual([]);
  });

  it('maps 401, 403, 429 and 5xx to the typed errors', async () => {
    fake.server.failNext({ ...graphError(190, 'Error validating access token', 401) });
    expect(await failure(listInbox(context, account, { cursor: null, limit: 10 }))).toBeInstanceOf(AuthExpired);
    fake.server.failNext({ ...graphError(10, '(#10) Application does not have permission for this action', 403) });
    expect(await failure(listInbox(context, account, { cursor: null, limit: 10 }))).toBeInstanceOf(Permanent);
    fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '30' },
      body: graphError(4, 'Application request limit reached').body,
    });
    const limited = await failure(listInbox(context, account, { cursor: null, limit: 10 }));
    expect(limited).toBeInstanceOf(RateLimited);
    expect(limited).toMatchObject({ retryAfterMs: 30_000, scope: 'app' });
    fake.server.failNext({ status: 500, body: graphError(1, 'An unknown error occurred').body });
    expect(await failure(listInbox(context, account, { cursor: null, limit: 10 }))).toBeInstanceOf(Retryable);
  });

  it('replies under the top-level comment and answers messages within the 24-hour window', async () => {
    const { items } = await readAll(null, 100);
    const byId = new Map(items.map((item) => [item.remoteId, item]));
    const onReply = await replyToInbox(context, account, {
      item: ref(byId.get('r1')!),
      text: 'Thanks both',
      idempotencyKey: 'k1',
    });
    expect(fake.inbox.state.comments.get(onReply.remoteId)).toMatchObject({ parentId: 'c1', text: 'Thanks both' });
    expect(fake.server.requests.at(-1)?.path).toBe('/v26.0/c1/replies');
    await replyToInbox(context, account, {
      item: ref(byId.get('c5')!),
      text: 'Glad you like it',
      idempotencyKey: 'k2',
    });
    expect(fake.server.requests.at(-1)?.path).toBe('/v26.0/c5/replies');

    const sent = await replyToInbox(context, account, {
      item: ref(byId.get('aWdfm2')!),
      text: 'Hello there',
      idempotencyKey: 'k3',
    });
    expect(sent.remoteId).toMatch(/^m_/);
    expect(fake.inbox.state.sent.at(-1)).toMatchObject({
      recipient: { id: 'igsid-2' },
      message: { text: 'Hello there' },
    });
    const late = await failure(
      replyToInbox(context, account, { item: ref(byId.get('aWdfm1')!), text: 'Sorry', idempotencyKey: 'k4' }),
    );
    expect(late).toBeInstanceOf(ReplyWindowClosed);
    expect((late as ReplyWindowClosed).vendorCode).toBe('10/2534022');
  });

  it('hides and deletes comments; a deleted comment is gone from later reads and deleting it again succeeds', async () => {
    const { items } = await readAll(null, 100);
    const byId = new Map(items.map((item) => [item.remoteId, item]));
    await moderateInbox(context, account, { item: ref(byId.get('c3')!), action: 'hide' });
    expect(fake.inbox.state.comments.get('c3')?.hidden).toBe(true);
    expect(fake.server.requests.at(-1)?.body).toEqual({ hide: true });
    await moderateInbox(context, account, { item: ref(byId.get('c4')!), action: 'delete' });
    await moderateInbox(context, account, { item: ref(byId.get('c4')!), action: 'delete' });
    const again = await readAll(null, 100);
    expect(again.items.map((item) => item.remoteId)).not.toContain('c4');
    expect(again.items.find((item) => item.remoteId === 'c3')?.meta['hidden']).toBe('true');
    expect(
      await failure(moderateInbox(context, account, { item: ref(byId.get('aWdfm1')!), action: 'delete' })),
    ).toBeInstanceOf(Permanent);
  });
});
