import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { googleApiError } from '@plume/testing/fakes/youtube/google-token-routes';
import { startYoutubeFake, type YoutubeFake } from '@plume/testing/fakes/youtube/youtube-fake';
import type { FakeYoutubeComment } from '@plume/testing/fakes/youtube/youtube-state';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import type { InboxItemReading, InboxItemRef } from '../inbox-contract.ts';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { youtubeProvider } from './provider.ts';

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

describe('YouTube inbox', () => {
  let fake: YoutubeFake;
  let context: NetworkContext;
  let account: AccountAuth;
  let channel: string;
  const listInbox = youtubeProvider.listInbox!;
  const replyToInbox = youtubeProvider.replyToInbox!;
  const moderateInbox = youtubeProvider.moderateInbox!;

  function comment(input: Partial<FakeYoutubeComment> & { id: string; publishedSec: number }): void {
    fake.state.comments.set(input.id, {
      channelId: channel,
      videoId: 'vid001',
      authorChannelId: `UCviewer-${input.id}`,
      authorName: `Viewer ${input.id}`,
      text: `Text ${input.id}`,
      moderationStatus: 'published',
      ...input,
    });
  }

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

  beforeAll(async () => {
    fake = await startYoutubeFake();
    context = createTestNetworkContext(fake.endpoints, { app: fake.app });
    channel = fake.state.channels[0]?.id ?? '';
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.comments.clear();
    account = fake.account();
    const start = nowSec() - 3 * 24 * HOUR;
    for (let n = 1; n <= 150; n += 1) comment({ id: `Ug${String(n).padStart(3, '0')}`, publishedSec: start + n * 60 });
    for (let n = 1; n <= 8; n += 1)
      comment({ id: `Ug001.r${n}`, parentId: 'Ug001', publishedSec: start + 4 * HOUR + n });
    comment({
      id: 'Ug001.own',
      parentId: 'Ug001',
      authorChannelId: channel,
      authorName: 'Plume Test Channel',
      publishedSec: start + 5 * HOUR,
    });
    comment({ id: 'UgOld', publishedSec: nowSec() - 20 * 24 * HOUR });
    comment({ id: 'UgHeld', publishedSec: start + 10, moderationStatus: 'heldForReview' });
    comment({ id: 'UgOther', channelId: 'UCanother', publishedSec: start + 20 });
  });

  it('reads threads over several pages and every reply of a long thread, oldest first, each once', async () => {
    const { items, calls } = await readAll(null, 60);
    expect(calls).toBe(3);
    expect(items).toHaveLength(159);
    expect(new Set(items.map((item) => item.remoteId)).size).toBe(159);
    for (const absent of ['UgOld', 'UgHeld', 'UgOther'])
      expect(items.map((item) => item.remoteId)).not.toContain(absent);
    const times = items.map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const threadReads = fake.server.requests.filter((request) => request.path.endsWith('/commentThreads'));
    expect(threadReads[0]?.query.get('allThreadsRelatedToChannelId')).toBe(channel);
    expect(threadReads[0]?.query.get('order')).toBe('time');
    expect(threadReads.some((request) => request.query.get('pageToken') !== null)).toBe(true);
    expect(fake.server.requests.some((request) => request.query.get('parentId') === 'Ug001')).toBe(true);
    expect(fake.server.unhandled).toEqual([]);
  });

  it('maps comments, replies and the channel’s own replies', async () => {
    const { items } = await readAll(null, 200);
    const byId = new Map(items.map((item) => [item.remoteId, item]));
    expect(byId.get('Ug002')).toMatchObject({
      kind: 'comment',
      conversationKey: 'Ug002',
      parentRemoteId: null,
      postRemoteId: 'vid001',
      author: { id: 'UCviewer-Ug002', displayName: 'Viewer Ug002' },
      text: 'Text Ug002',
      url: 'https://www.youtube.com/watch?v=vid001&lc=Ug002',
      fromAccount: false,
    });
    expect(byId.get('Ug001.r7')).toMatchObject({ kind: 'reply', conversationKey: 'Ug001', parentRemoteId: 'Ug001' });
    expect(byId.get('Ug001.own')?.fromAccount).toBe(true);
  });

  it('returns only what is new on the next read, including a new reply under an older thread', async () => {
    const first = await readAll(null, 200);
    comment({ id: 'UgNew', publishedSec: nowSec() });
    comment({ id: 'Ug010.new', parentId: 'Ug010', publishedSec: nowSec() });
    const second = await readAll(first.cursor, 200);
    expect(second.items.map((item) => item.remoteId).sort()).toEqual(['Ug010.new', 'UgNew']);
    expect((await listInbox(context, account, { cursor: second.cursor, limit: 200 })).items).toEqual([]);
  });

  it('maps 401, 403, 429, the daily quota and 5xx to the typed errors', async () => {
    const answer = (status: number, reason: string): { status: number; body: unknown } => ({
      status,
      body: googleApiError(status, reason, { reason }),
    });
    fake.server.failNext(answer(401, 'authError'));
    expect(await failure(listInbox(context, account, { cursor: null, limit: 10 }))).toBeInstanceOf(AuthExpired);
    fake.server.failNext(answer(403, 'forbidden'));
    expect(await failure(listInbox(context, account, { cursor: null, limit: 10 }))).toBeInstanceOf(Permanent);
    fake.server.failNext({ ...answer(429, 'rateLimitExceeded'), headers: { 'retry-after': '7' } });
    expect(await failure(listInbox(context, account, { cursor: null, limit: 10 }))).toMatchObject({
      retryAfterMs: 7000,
    });
    fake.server.failNext(answer(403, 'quotaExceeded'));
    expect(await failure(listInbox(context, account, { cursor: null, limit: 10 }))).toBeInstanceOf(RateLimited);
    fake.server.failNext(answer(503, 'backendError'));
    expect(await failure(listInbox(context, account, { cursor: null, limit: 10 }))).toBeInstanceOf(Retryable);
  });

  it('replies under the thread’s top-level comment, for comments and replies alike', async () => {
    const { items } = await readAll(null, 200);
    const byId = new Map(items.map((item) => [item.remoteId, item]));
    const onReply = await replyToInbox(context, account, {
      item: ref(byId.get('Ug001.r3')!),
      text: 'Thanks!',
      idempotencyKey: 'k1',
    });
    expect(fake.server.requests.at(-1)?.body).toEqual({ snippet: { parentId: 'Ug001', textOriginal: 'Thanks!' } });
    expect(fake.state.comments.get(onReply.remoteId)).toMatchObject({ parentId: 'Ug001', authorChannelId: channel });
    expect(onReply.url).toBe(`https://www.youtube.com/watch?v=vid001&lc=${onReply.remoteId}`);
    await replyToInbox(context, account, { item: ref(byId.get('Ug005')!), text: 'Hi', idempotencyKey: 'k2' });
    expect(fake.server.requests.at(-1)?.body).toMatchObject({ snippet: { parentId: 'Ug005' } });
  });

  it('hides a viewer’s comment (rejected), deletes the channel’s own, and refuses to delete a viewer’s', async () => {
    const { items } = await readAll(null, 200);
    const byId = new Map(items.map((item) => [item.remoteId, item]));
    await moderateInbox(context, account, { item: ref(byId.get('Ug003')!), action: 'hide' });
    expect(fake.state.comments.get('Ug003')?.moderationStatus).toBe('rejected');
    expect(fake.server.requests.at(-1)?.query.get('moderationStatus')).toBe('rejected');
    await moderateInbox(context, account, { item: ref(byId.get('Ug001.own')!), action: 'delete' });
    expect(fake.state.comments.has('Ug001.own')).toBe(false);
    await moderateInbox(context, account, { item: ref(byId.get('Ug001.own')!), action: 'delete' });
    const refused = await failure(moderateInbox(context, account, { item: ref(byId.get('Ug004')!), action: 'delete' }));
    expect(refused).toBeInstanceOf(Permanent);
    expect(fake.state.comments.has('Ug004')).toBe(true);
    // Hidden and deleted comments are no longer read.
    const again = await readAll(null, 200);
    const ids = again.items.map((item) => item.remoteId);
    expect(ids).not.toContain('Ug003');
    expect(ids).not.toContain('Ug001.own');
  });
});
