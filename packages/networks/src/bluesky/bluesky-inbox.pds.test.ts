/**
 * The Bluesky inbox answers against a real PDS (`@atproto/pds`): a comment from another account, our
 * reply to it read back with the right root and parent strong refs, and hiding it with the thread gate,
 * each checked by the PDS's lexicon validation and by @atproto/api's own record validators.
 * Reading (listNotifications) needs the AppView, which the peer does not run: the fake covers it.
 * Needs better-sqlite3 built for the test Node: `node scripts/build-native.mjs`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppBskyFeedPost, AppBskyFeedThreadgate } from '@atproto/api';
import { startBlueskyPds, type BlueskyPds } from '@plume/testing/peers/bluesky-pds';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import type { InboxItemRef } from '../inbox-contract.ts';
import { blueskyProvider } from './provider.ts';

let pds: BlueskyPds;
let context: NetworkContext;
let alice: AccountAuth;
let bob: AccountAuth;

async function connect(handle: string, password: string): Promise<AccountAuth> {
  const { tokens, identity } = await blueskyProvider.credentials!.connect(context, { identifier: handle, password });
  return { externalId: identity.externalId, tokens, metadata: identity.metadata ?? {} };
}

beforeAll(async () => {
  pds = await startBlueskyPds();
  context = createTestNetworkContext({ api: pds.url, web: 'https://bsky.app' }, { timeoutMs: 15_000 });
  alice = await connect(pds.account.handle, pds.account.password);
  const other = await pds.createAccount('bob');
  bob = await connect(other.handle, other.password);
});

afterAll(async () => {
  await pds?.stop();
});

async function getRecord(uri: string): Promise<{ cid: string; value: Record<string, unknown> }> {
  const [, , repo, collection, rkey] = uri.split('/');
  const url = new URL(`${pds.url}/xrpc/com.atproto.repo.getRecord`);
  url.search = new URLSearchParams({ repo: repo ?? '', collection: collection ?? '', rkey: rkey ?? '' }).toString();
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as { cid: string; value: Record<string, unknown> };
}

function ref(uri: string, meta: Record<string, string>, extra: Partial<InboxItemRef> = {}): InboxItemRef {
  return {
    remoteId: uri,
    kind: 'comment',
    conversationKey: uri,
    parentRemoteId: null,
    postRemoteId: null,
    authorId: 'did:plc:someone',
    meta,
    ...extra,
  };
}

describe('Bluesky inbox answers against a real PDS', () => {
  it('replies to a comment with the thread root as root and the comment as parent, then hides the comment', async () => {
    const post = await blueskyProvider.publish(context, alice, {
      parts: [{ text: 'Our post', media: [] }],
      settings: {},
      idempotencyKey: 'inbox-pds-1',
    });
    const postRef = { uri: post.remoteId, cid: (await getRecord(post.remoteId)).cid };

    // Bob comments on our post (answering it as a top-level item: root = parent = our post).
    const bobComment = await blueskyProvider.replyToInbox!(context, bob, {
      item: ref(postRef.uri, { cid: postRef.cid }),
      text: 'Great post @alice.test',
      idempotencyKey: 'bob-1',
    });
    const commentRef = { uri: bobComment.remoteId, cid: (await getRecord(bobComment.remoteId)).cid };

    // We answer Bob's comment as the inbox stored it (meta from the notification).
    const ours = await blueskyProvider.replyToInbox!(context, alice, {
      item: ref(commentRef.uri, { cid: commentRef.cid, rootUri: postRef.uri, rootCid: postRef.cid }),
      text: 'Thanks! More at https://plume.example',
      idempotencyKey: 'alice-1',
    });
    const { value } = await getRecord(ours.remoteId);
    const validated = AppBskyFeedPost.validateRecord({ $type: 'app.bsky.feed.post', ...value });
    expect(validated.success).toBe(true);
    expect(AppBskyFeedPost.isRecord(value)).toBe(true);
    const record = value as unknown as AppBskyFeedPost.Record;
    expect(record.reply?.root).toMatchObject(postRef);
    expect(record.reply?.parent).toMatchObject(commentRef);
    expect(record.facets?.[0]?.features[0]).toMatchObject({ uri: 'https://plume.example' });
    expect(ours.url).toBe(`https://bsky.app/profile/${pds.account.handle}/post/${ours.remoteId.split('/').pop()}`);

    await blueskyProvider.moderateInbox!(context, alice, {
      item: ref(commentRef.uri, { cid: commentRef.cid, rootUri: postRef.uri, rootCid: postRef.cid }),
      action: 'hide',
    });
    const gate = await getRecord(`at://${alice.externalId}/app.bsky.feed.threadgate/${postRef.uri.split('/').pop()}`);
    expect(AppBskyFeedThreadgate.validateRecord({ $type: 'app.bsky.feed.threadgate', ...gate.value }).success).toBe(
      true,
    );
    expect(gate.value).toMatchObject({ post: postRef.uri, hiddenReplies: [commentRef.uri] });
    expect(gate.value).not.toHaveProperty('allow');
  });
});
