import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedThreadsReply } from '@plume/testing/fakes/threads/reply-routes';
import type { InboxItemReading, InboxItemRef } from '../inbox-contract.ts';
import { RateLimited } from '../provider-errors.ts';
import { threadsProvider } from './provider.ts';
import { startThreadsTestBed, type ThreadsTestBed } from './test-support/threads-test-bed.ts';

let bed: ThreadsTestBed;
const listInbox = threadsProvider.listInbox!;
const replyToInbox = threadsProvider.replyToInbox!;
const moderateInbox = threadsProvider.moderateInbox!;

beforeEach(async () => {
  bed = await startThreadsTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function ourThread(text = 'Our thread', publishedAt?: string): Promise<string> {
  const result = await threadsProvider.publish(bed.context, bed.account, {
    parts: [{ text, media: [] }],
    settings: {},
    idempotencyKey: 'k',
  });
  if (publishedAt !== undefined) bed.fake.state.posts.get(result.remoteId)!.timestamp = publishedAt;
  return result.remoteId;
}

function reply(username: string, text: string, repliedTo: string, minutes: number) {
  return seedThreadsReply(bed.fake.state, { username, text, repliedTo, timestamp: minutesAgo(minutes) });
}

function refOf(item: InboxItemReading): InboxItemRef {
  const { remoteId, kind, conversationKey, parentRemoteId, postRemoteId, meta } = item;
  return { remoteId, kind, conversationKey, parentRemoteId, postRemoteId, authorId: item.author.id, meta };
}

const isConversation = (request: { path: string }) => request.path.endsWith('/conversation');

describe('Threads inbox reading', () => {
  it('reads comments and replies under our recent threads with their conversation', async () => {
    const post = await ourThread('first', minutesAgo(60));
    const comment = reply('ada', 'Love it', post, 30);
    const answer = reply('bo', 'Same', comment.id, 20);
    const deeper = reply('ada', 'Thanks bo', answer.id, 10);
    const page = await listInbox(bed.context, bed.account, { cursor: null, limit: 50 });
    expect(page.items.map((item) => [item.remoteId, item.kind, item.conversationKey, item.parentRemoteId])).toEqual([
      [comment.id, 'comment', comment.id, null],
      [answer.id, 'reply', comment.id, comment.id],
      [deeper.id, 'reply', comment.id, answer.id],
    ]);
    expect(page.items[0]).toMatchObject({
      postRemoteId: post,
      author: { id: 'ada', handle: 'ada', profileUrl: 'https://www.threads.net/@ada' },
      text: 'Love it',
      fromAccount: false,
      meta: { hideStatus: 'NOT_HUSHED' },
    });
    const call = bed.fake.server.requests.find(isConversation);
    expect(call?.query.get('reverse')).toBe('false');
    expect(call?.query.get('fields')).toContain('replied_to');
  });

  it('pages long conversations, then hands only what is new, our own replies included', async () => {
    const post = await ourThread();
    const seeded = Array.from({ length: 230 }, (_, index) => reply('ada', `c${index}`, post, 300 - index));
    const first = await listInbox(bed.context, bed.account, { cursor: null, limit: 500 });
    expect(first.items.map((item) => item.remoteId)).toEqual(seeded.map((item) => item.id));
    expect(bed.fake.server.requests.filter(isConversation)).toHaveLength(3);
    const again = await listInbox(bed.context, bed.account, { cursor: first.cursor, limit: 500 });
    expect(again.items).toEqual([]);
    const sent = await replyToInbox(bed.context, bed.account, {
      item: refOf(first.items[0]!),
      text: 'Thank you!',
      idempotencyKey: 'r1',
    });
    const third = await listInbox(bed.context, bed.account, { cursor: again.cursor, limit: 500 });
    expect(third.items.map((item) => [item.remoteId, item.fromAccount, item.kind])).toEqual([
      [sent.remoteId, true, 'reply'],
    ]);
  });

  it('hands the oldest first within the limit and leaves out deleted replies and old threads', async () => {
    const old = await ourThread('old', new Date(Date.now() - 9 * 86_400_000).toISOString());
    reply('ada', 'on an old thread', old, 5);
    const post = await ourThread();
    const seeded = [reply('ada', 'a', post, 9), reply('bo', 'b', post, 8), reply('cy', 'c', post, 7)];
    const deleted = reply('dan', 'deleted', post, 6);
    bed.fake.state.replies.delete(deleted.id);
    const first = await listInbox(bed.context, bed.account, { cursor: null, limit: 2 });
    expect(first.more).toBe(true);
    const second = await listInbox(bed.context, bed.account, { cursor: first.cursor, limit: 2 });
    expect([...first.items, ...second.items].map((item) => item.remoteId)).toEqual(seeded.map((item) => item.id));
    expect(second.more).toBe(false);
  });

  it.each([
    [401, { code: 190, message: 'Invalid OAuth access token' }, 'auth_expired'],
    [403, { code: 10, message: 'Application does not have permission for this action' }, 'permanent'],
    [500, { code: 2, message: 'Service temporarily unavailable' }, 'retryable'],
  ])('maps %i to its typed error', async (status, error, kind) => {
    await ourThread();
    bed.fake.server.failNext({ status, match: isConversation, body: { error: { ...error, type: 'OAuthException' } } });
    await expect(listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).rejects.toMatchObject({ kind });
  });

  it('maps 429 to RateLimited with its Retry-After', async () => {
    await ourThread();
    bed.fake.server.failNext({
      status: 429,
      match: isConversation,
      headers: { 'retry-after': '120' },
      body: { error: { code: 4, message: 'Application request limit reached' } },
    });
    const error: unknown = await listInbox(bed.context, bed.account, { cursor: null, limit: 10 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RateLimited);
    expect((error as RateLimited).retryAfterMs).toBe(120_000);
  });
});

describe('Threads inbox answers', () => {
  it('replies with a TEXT container answering the item, then publishes it', async () => {
    const post = await ourThread();
    const comment = reply('ada', 'Question?', post, 3);
    const [item] = (await listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).items;
    const sent = await replyToInbox(bed.context, bed.account, {
      item: refOf(item!),
      text: 'Answer',
      idempotencyKey: 'r',
    });
    const container = [...bed.fake.state.containers.values()].at(-1);
    expect(container).toMatchObject({ mediaType: 'TEXT', text: 'Answer', replyToId: comment.id, status: 'PUBLISHED' });
    expect(bed.fake.state.posts.get(sent.remoteId)?.containerId).toBe(container?.id);
    expect(sent.url).toContain('threads.net');
  });

  it('hides a reply with manage_reply and refuses to delete', async () => {
    const post = await ourThread();
    const comment = reply('ada', 'spam', post, 3);
    const [item] = (await listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).items;
    await moderateInbox(bed.context, bed.account, { item: refOf(item!), action: 'hide' });
    expect(bed.fake.state.replies.get(comment.id)?.hidden).toBe(true);
    const call = bed.fake.server.requests.find((request) => request.path.endsWith('/manage_reply'));
    expect((call?.body as Record<string, string>)['hide']).toBe('true');
    const again = await listInbox(bed.context, bed.account, { cursor: null, limit: 10 });
    expect(again.items[0]?.meta['hideStatus']).toBe('HIDDEN');
    await expect(
      moderateInbox(bed.context, bed.account, { item: refOf(item!), action: 'delete' }),
    ).rejects.toMatchObject({ kind: 'permanent' });
  });
});
