import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedBlueskyNotification } from '@plume/testing/fakes/bluesky-inbox-routes';
import type { InboxItemReading, InboxItemRef } from '../inbox-contract.ts';
import { RateLimited } from '../provider-errors.ts';
import { blueskyProvider } from './provider.ts';
import { blueskyRequest, startBlueskyTestBed, type BlueskyTestBed } from './test-support/bluesky-test-bed.ts';

let bed: BlueskyTestBed;
const listInbox = blueskyProvider.listInbox!;
const replyToInbox = blueskyProvider.replyToInbox!;
const moderateInbox = blueskyProvider.moderateInbox!;

const bob = { did: 'did:plc:bob', handle: 'bob.test', displayName: 'Bob' };
const carol = { did: 'did:plc:carol', handle: 'carol.test' };

beforeEach(async () => {
  bed = await startBlueskyTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

/** Publishes a post of the account and returns its strong ref. */
async function ourPost(text = 'Our post'): Promise<{ uri: string; cid: string }> {
  const published = await blueskyProvider.publish(bed.context, bed.account, blueskyRequest([{ text, media: [] }]));
  const record = bed.fake.state.records.get(published.remoteId);
  if (record === undefined) throw new Error('not stored');
  return { uri: record.uri, cid: record.cid };
}

function comment(
  root: { uri: string; cid: string },
  text: string,
  at: string,
  author: { did: string; handle: string; displayName?: string } = bob,
) {
  return seedBlueskyNotification(bed.fake.state.inbox, {
    author,
    reason: 'reply',
    text,
    indexedAt: at,
    reply: { root, parent: root },
  });
}

function refOf(item: InboxItemReading): InboxItemRef {
  const { remoteId, kind, conversationKey, parentRemoteId, postRemoteId, meta } = item;
  return { remoteId, kind, conversationKey, parentRemoteId, postRemoteId, authorId: item.author.id, meta };
}

const isList = (request: { path: string }) => request.path === '/xrpc/app.bsky.notification.listNotifications';

describe('Bluesky inbox reading', () => {
  it('tells comments, replies, mentions and quotes apart, with their conversations and our post', async () => {
    const post = await ourPost();
    const top = comment(post, 'Nice post', minutesAgo(30));
    const deeper = seedBlueskyNotification(bed.fake.state.inbox, {
      author: carol,
      reason: 'reply',
      text: 'Agreed with Bob',
      indexedAt: minutesAgo(20),
      reply: { root: post, parent: { uri: top.uri, cid: top.cid } },
    });
    const deepest = seedBlueskyNotification(bed.fake.state.inbox, {
      author: bob,
      reason: 'reply',
      text: 'Thanks Carol',
      indexedAt: minutesAgo(10),
      reply: { root: post, parent: { uri: deeper.uri, cid: deeper.cid } },
    });
    const mention = seedBlueskyNotification(bed.fake.state.inbox, {
      author: carol,
      reason: 'mention',
      text: 'Hey @alice.test',
      indexedAt: minutesAgo(5),
    });
    const quote = seedBlueskyNotification(bed.fake.state.inbox, {
      author: bob,
      reason: 'quote',
      text: 'Look at this',
      indexedAt: minutesAgo(4),
      reasonSubject: post.uri,
    });
    seedBlueskyNotification(bed.fake.state.inbox, { author: bob, reason: 'like', text: '', indexedAt: minutesAgo(3) });

    const page = await listInbox(bed.context, bed.account, { cursor: null, limit: 50 });
    expect(page.more).toBe(false);
    expect(page.items.map((item) => [item.remoteId, item.kind, item.conversationKey, item.parentRemoteId])).toEqual([
      [top.uri, 'comment', top.uri, null],
      [deeper.uri, 'reply', top.uri, top.uri],
      [deepest.uri, 'reply', top.uri, deeper.uri],
      [mention.uri, 'mention', mention.uri, null],
      [quote.uri, 'mention', quote.uri, null],
    ]);
    expect(page.items.map((item) => item.postRemoteId)).toEqual([post.uri, post.uri, post.uri, null, post.uri]);
    expect(page.items[0]).toMatchObject({
      author: { id: bob.did, handle: 'bob.test', displayName: 'Bob', profileUrl: 'https://bsky.app/profile/bob.test' },
      text: 'Nice post',
      url: `https://bsky.app/profile/bob.test/post/${top.uri.split('/').pop()}`,
      fromAccount: false,
      meta: { cid: top.cid, rootUri: post.uri, rootCid: post.cid },
    });
    const listCall = bed.fake.server.requests.find(isList);
    expect(listCall?.query.getAll('reasons')).toEqual(['reply', 'mention', 'quote']);
  });

  it('pages back over several pages on the first read and never hands an item twice', async () => {
    const post = await ourPost();
    const seeded = Array.from({ length: 230 }, (_, index) => comment(post, `c${index}`, minutesAgo(300 - index)));
    const first = await listInbox(bed.context, bed.account, { cursor: null, limit: 500 });
    expect(first.items.map((item) => item.remoteId)).toEqual(seeded.map((item) => item.uri));
    expect(first.more).toBe(false);
    expect(bed.fake.server.requests.filter(isList)).toHaveLength(3);

    const again = await listInbox(bed.context, bed.account, { cursor: first.cursor, limit: 500 });
    expect(again.items).toEqual([]);
    const later = comment(post, 'new one', minutesAgo(1));
    const third = await listInbox(bed.context, bed.account, { cursor: again.cursor, limit: 500 });
    expect(third.items.map((item) => item.remoteId)).toEqual([later.uri]);
  });

  it('hands the oldest items first when more are waiting than the limit, then the rest', async () => {
    const post = await ourPost();
    const at = minutesAgo(5);
    // Three at the same instant: the cursor must split them without loss or repeat.
    const seeded = [
      comment(post, 'a', minutesAgo(9)),
      comment(post, 'b', at),
      comment(post, 'c', at),
      comment(post, 'd', at),
    ];
    const first = await listInbox(bed.context, bed.account, { cursor: null, limit: 2 });
    expect(first.more).toBe(true);
    const second = await listInbox(bed.context, bed.account, { cursor: first.cursor, limit: 2 });
    const third = await listInbox(bed.context, bed.account, { cursor: second.cursor, limit: 2 });
    const handed = [...first.items, ...second.items, ...third.items].map((item) => item.remoteId);
    expect(handed.sort()).toEqual(seeded.map((item) => item.uri).sort());
    expect(third.more).toBe(false);
  });

  it('looks back 7 days on the first read and leaves deleted posts out', async () => {
    const post = await ourPost();
    comment(post, 'too old', new Date(Date.now() - 8 * 86_400_000).toISOString());
    const deleted = comment(post, 'deleted soon', minutesAgo(3));
    const kept = comment(post, 'kept', minutesAgo(2));
    bed.fake.state.inbox.others.delete(deleted.uri);
    const page = await listInbox(bed.context, bed.account, { cursor: null, limit: 50 });
    expect(page.items.map((item) => item.text)).toEqual(['kept']);
    expect(page.items[0]?.remoteId).toBe(kept.uri);
  });

  it.each([
    [401, 'AuthenticationRequired', 'auth_expired'],
    [400, 'ExpiredToken', 'auth_expired'],
    [403, 'AccountTakedown', 'permanent'],
    [502, 'UpstreamFailure', 'retryable'],
  ])('maps %i %s to %s', async (status, error, kind) => {
    bed.fake.server.failNext({ status, match: isList, body: { error, message: error } });
    await expect(listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).rejects.toMatchObject({ kind });
  });

  it('maps 429 to RateLimited until ratelimit-reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    bed.fake.server.failNext({
      status: 429,
      match: isList,
      headers: { 'ratelimit-reset': String(reset) },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    const error: unknown = await listInbox(bed.context, bed.account, { cursor: null, limit: 10 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RateLimited);
    expect((error as RateLimited).retryAfterMs).toBeGreaterThan(100_000);
  });
});

describe('Bluesky inbox answers', () => {
  it('replies in the thread: parent is the item, root the thread root, with facets', async () => {
    const post = await ourPost();
    const top = comment(post, 'Question?', minutesAgo(9));
    const deeper = seedBlueskyNotification(bed.fake.state.inbox, {
      author: carol,
      reason: 'reply',
      text: 'Me too',
      indexedAt: minutesAgo(8),
      reply: { root: post, parent: { uri: top.uri, cid: top.cid } },
    });
    const page = await listInbox(bed.context, bed.account, { cursor: null, limit: 10 });
    const item = page.items.find((entry) => entry.remoteId === deeper.uri);
    if (item === undefined) throw new Error('not read');
    const sent = await replyToInbox(bed.context, bed.account, {
      item: refOf(item),
      text: 'See https://plume.example/help',
      idempotencyKey: 'reply-1',
    });
    expect(sent.remoteId).toMatch(/^at:\/\/did:plc:alice123\/app.bsky.feed.post\//);
    const record = bed.fake.state.records.get(sent.remoteId)?.value;
    expect(record).toMatchObject({
      text: 'See https://plume.example/help',
      reply: { root: post, parent: { uri: deeper.uri, cid: deeper.cid } },
      facets: [{ features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://plume.example/help' }] }],
    });
  });

  it('answers a top-level mention with the mention as root and parent; refuses text over 300 graphemes', async () => {
    const mention = seedBlueskyNotification(bed.fake.state.inbox, {
      author: carol,
      reason: 'mention',
      text: 'Hi @alice.test',
      indexedAt: minutesAgo(2),
    });
    const [item] = (await listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).items;
    if (item === undefined) throw new Error('not read');
    const sent = await replyToInbox(bed.context, bed.account, { item: refOf(item), text: 'Hi!', idempotencyKey: 'k' });
    const ref = { uri: mention.uri, cid: mention.cid };
    expect(bed.fake.state.records.get(sent.remoteId)?.value['reply']).toEqual({ root: ref, parent: ref });
    await expect(
      replyToInbox(bed.context, bed.account, { item: refOf(item), text: 'é'.repeat(301), idempotencyKey: 'k2' }),
    ).rejects.toMatchObject({ kind: 'permanent' });
  });

  it('hides replies in our thread with the thread gate, keeping replies open and earlier hides', async () => {
    const post = await ourPost();
    const first = comment(post, 'spam one', minutesAgo(5));
    const second = comment(post, 'spam two', minutesAgo(4), carol);
    const items = (await listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).items;
    for (const item of items) await moderateInbox(bed.context, bed.account, { item: refOf(item), action: 'hide' });
    await moderateInbox(bed.context, bed.account, { item: refOf(items[0]!), action: 'hide' });
    const rkey = post.uri.split('/').pop();
    const gate = bed.fake.state.records.get(`at://did:plc:alice123/app.bsky.feed.threadgate/${rkey}`)?.value;
    expect(gate).toEqual({
      $type: 'app.bsky.feed.threadgate',
      post: post.uri,
      createdAt: expect.any(String),
      hiddenReplies: [first.uri, second.uri],
    });
    expect(gate).not.toHaveProperty('allow');
    const puts = bed.fake.server.requests.filter((request) => request.path === '/xrpc/com.atproto.repo.putRecord');
    expect(puts.map((request) => (request.body as { swapRecord: unknown }).swapRecord)).toEqual([
      null,
      expect.stringMatching(/^bafyrei/),
    ]);
  });

  it('refuses to hide in someone else’s thread and to delete', async () => {
    const elsewhere = { uri: 'at://did:plc:carol/app.bsky.feed.post/3lroot', cid: 'bafyreiroot' };
    seedBlueskyNotification(bed.fake.state.inbox, {
      author: bob,
      reason: 'mention',
      text: '@alice.test look',
      indexedAt: minutesAgo(2),
      reply: { root: elsewhere, parent: elsewhere },
    });
    const [item] = (await listInbox(bed.context, bed.account, { cursor: null, limit: 10 })).items;
    if (item === undefined) throw new Error('not read');
    await expect(moderateInbox(bed.context, bed.account, { item: refOf(item), action: 'hide' })).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('threads that start with one of your posts'),
    });
    await expect(
      moderateInbox(bed.context, bed.account, { item: refOf(item), action: 'delete' }),
    ).rejects.toMatchObject({
      kind: 'permanent',
    });
  });
});
