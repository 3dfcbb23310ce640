/** LinkedIn page comments: reading with a cursor, nested replies, deleting, against the fake over real HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLinkedInFake, type LinkedInFake, type LinkedInFakeComment } from '@plume/testing/fakes/linkedin';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { rejectionOf } from '@plume/testing/rejection-of';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import type { InboxItemReading, InboxItemRef } from '../inbox-contract.ts';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { linkedinProvider } from './provider.ts';

const ORG = 'urn:li:organization:2414183';
const HOUR = 3600 * 1000;
let fake: LinkedInFake;
let context: NetworkContext;
let page: AccountAuth;
let counter = 0;

beforeAll(async () => {
  fake = await startLinkedInFake();
  context = createTestNetworkContext(fake.endpoints, { app: { clientId: 'li-client', clientSecret: 'li-secret' } });
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.server.reset();
  fake.state.posts.clear();
  fake.state.comments.length = 0;
  page = {
    externalId: ORG,
    tokens: { accessToken: fake.issueAccessToken() },
    metadata: { authorUrn: ORG, memberUrn: 'urn:li:person:abc123' },
  };
});

function addPost(urn: string, ageMs = HOUR, author = ORG): void {
  fake.state.posts.set(urn, {
    urn,
    body: { author, commentary: urn },
    version: '202607',
    createdAt: Date.now() - ageMs,
  });
}

function addComment(on: string, overrides: Partial<LinkedInFakeComment> = {}): LinkedInFakeComment {
  counter += 1;
  const comment: LinkedInFakeComment = {
    urn: `urn:li:comment:(${on},${9000 + counter})`,
    on,
    actor: 'urn:li:person:zed',
    text: `Comment ${counter}`,
    created: Date.now() - HOUR + counter * 1000,
    ...overrides,
  };
  fake.state.comments.push(comment);
  return comment;
}

const list = (cursor: string | null, limit = 100) => linkedinProvider.listInbox!(context, page, { cursor, limit });
const refOf = (item: InboxItemReading): InboxItemRef => ({
  remoteId: item.remoteId,
  kind: item.kind,
  conversationKey: item.conversationKey,
  parentRemoteId: item.parentRemoteId,
  postRemoteId: item.postRemoteId,
  authorId: item.author.id,
  meta: item.meta,
});

describe('LinkedIn listInbox', () => {
  it('reads comments and nested replies on the page’s recent posts, with encoded comment URNs in paths', async () => {
    addPost('urn:li:share:1');
    addPost('urn:li:share:old', 40 * 24 * HOUR);
    addComment('urn:li:share:old');
    const top = addComment('urn:li:share:1');
    const ours = addComment('urn:li:share:1', { parent: top.urn, actor: ORG, text: 'Thanks!' });

    const read = await list(null);

    expect(read.more).toBe(false);
    expect(
      read.items.map((item) => [item.remoteId, item.kind, item.conversationKey, item.parentRemoteId, item.fromAccount]),
    ).toEqual([
      [top.urn, 'comment', top.urn, null, false],
      [ours.urn, 'reply', top.urn, top.urn, true],
    ]);
    expect(read.items[0]).toMatchObject({
      postRemoteId: 'urn:li:share:1',
      author: { id: 'urn:li:person:zed', handle: 'zed', displayName: 'LinkedIn member' },
      text: top.text,
      url: `https://www.linkedin.com/feed/update/urn:li:share:1/?commentUrn=${encodeURIComponent(top.urn)}`,
      meta: { object: 'urn:li:share:1' },
    });
    const [posts] = fake.server.requests.filter((request) => request.path === '/rest/posts');
    expect([posts?.query.get('q'), posts?.query.get('author')]).toEqual(['author', ORG]);
    const nestedRead = fake.server.requests.find((request) => request.path.includes('urn%3Ali%3Acomment'));
    expect(nestedRead?.path).toContain('%28urn%3Ali%3Ashare%3A1%2C');
    // The post older than 30 days is not read.
    expect(fake.server.requests.some((request) => request.path.includes('share%3Aold'))).toBe(false);
  });

  it('looks back 7 days first; the next read returns only new comments, nothing twice; deleted ones drop out', async () => {
    addPost('urn:li:share:1', 20 * 24 * HOUR);
    addComment('urn:li:share:1', { created: Date.now() - 8 * 24 * HOUR });
    const recent = addComment('urn:li:share:1');
    const first = await list(null);
    expect(first.items.map((item) => item.remoteId)).toEqual([recent.urn]);

    expect(await list(first.cursor)).toEqual({ items: [], cursor: null, more: false });
    const later = addComment('urn:li:share:1', { created: Date.now() });
    const doomed = addComment('urn:li:share:1', { created: Date.now() });
    doomed.deleted = true;
    expect((await list(first.cursor)).items.map((item) => item.remoteId)).toEqual([later.urn]);
  });

  it('pages through 230 comments 100 at a time, oldest first, with more until done', async () => {
    addPost('urn:li:share:1');
    const all = Array.from({ length: 230 }, (_, index) =>
      addComment('urn:li:share:1', { created: Date.now() - 2 * HOUR + index * 1000 }),
    );
    const seen: string[] = [];
    const mores: boolean[] = [];
    let cursor: string | null = null;
    for (let read = 0; read < 3; read += 1) {
      const answer = await list(cursor);
      seen.push(...answer.items.map((item) => item.remoteId));
      mores.push(answer.more);
      cursor = answer.cursor ?? cursor;
    }
    expect(seen).toEqual(all.map((comment) => comment.urn));
    expect(mores).toEqual([true, true, false]);
    const starts = fake.server.requests
      .filter((request) => request.path.endsWith('/comments'))
      .slice(0, 3)
      .map((request) => request.query.get('start'));
    expect(starts).toEqual(['0', '100', '200']);
  });

  it('a member profile has no inbox: nothing is read', async () => {
    const member = { ...page, externalId: 'urn:li:person:abc123', metadata: { authorUrn: 'urn:li:person:abc123' } };
    expect(await linkedinProvider.listInbox!(context, member, { cursor: null, limit: 100 })).toEqual({
      items: [],
      cursor: null,
      more: false,
    });
    expect(fake.server.requests).toEqual([]);
  });

  it('maps 401, 403, 429 and 5xx to the typed errors', async () => {
    addPost('urn:li:share:1');
    const isComments = (request: { path: string }) => request.path.endsWith('/comments');
    const body = (status: number, code: string) => ({ status, serviceErrorCode: 0, code, message: code });
    fake.server.failNext({ status: 401, match: isComments, body: body(401, 'INVALID_ACCESS_TOKEN') });
    await rejectionOf(list(null), AuthExpired);
    fake.server.failNext({ status: 403, match: isComments, body: body(403, 'ACCESS_DENIED') });
    expect((await rejectionOf(list(null), Permanent)).vendorCode).toBe('ACCESS_DENIED');
    fake.server.failNext({
      status: 429,
      match: isComments,
      headers: { 'retry-after': '30' },
      body: body(429, 'TOO_MANY'),
    });
    expect((await rejectionOf(list(null), RateLimited)).retryAfterMs).toBe(30_000);
    fake.server.failNext({ status: 502, match: isComments, body: body(502, 'BAD_GATEWAY') });
    await rejectionOf(list(null), Retryable);
  });
});

describe('LinkedIn replyToInbox and moderateInbox', () => {
  it('replies as a nested comment under the top-level comment, also when answering a nested one', async () => {
    addPost('urn:li:share:1');
    const top = addComment('urn:li:share:1');
    addComment('urn:li:share:1', { parent: top.urn, actor: 'urn:li:person:amy' });
    const [comment, nested] = (await list(null)).items;

    const first = await linkedinProvider.replyToInbox!(context, page, {
      item: refOf(comment!),
      text: 'Hello',
      idempotencyKey: 'a',
    });
    await linkedinProvider.replyToInbox!(context, page, { item: refOf(nested!), text: 'Hi Amy', idempotencyKey: 'b' });

    const posts = fake.server.requests.filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.body)).toEqual([
      { actor: ORG, object: 'urn:li:share:1', message: { text: 'Hello' }, parentComment: top.urn },
      { actor: ORG, object: 'urn:li:share:1', message: { text: 'Hi Amy' }, parentComment: top.urn },
    ]);
    expect(posts[0]?.path).toBe(
      `/rest/socialActions/${encodeURIComponent(top.urn).replace('(', '%28').replace(')', '%29')}/comments`,
    );
    expect(first.remoteId).toMatch(/^urn:li:comment:\(urn:li:share:1,\d+\)$/);
    expect(fake.state.comments.find((candidate) => candidate.urn === first.remoteId)).toMatchObject({
      parent: top.urn,
      actor: ORG,
    });
  });

  it('deletes a comment (and a nested one) as the page; deleting again succeeds; hiding is refused', async () => {
    addPost('urn:li:share:1');
    const top = addComment('urn:li:share:1');
    const nested = addComment('urn:li:share:1', { parent: top.urn });
    const [comment, reply] = (await list(null)).items;

    await linkedinProvider.moderateInbox!(context, page, { item: refOf(reply!), action: 'delete' });
    await linkedinProvider.moderateInbox!(context, page, { item: refOf(comment!), action: 'delete' });
    await linkedinProvider.moderateInbox!(context, page, { item: refOf(comment!), action: 'delete' });

    expect([nested.deleted, top.deleted]).toEqual([true, true]);
    const deletes = fake.server.requests.filter((request) => request.method === 'DELETE');
    expect(deletes.map((request) => request.query.get('actor'))).toEqual([ORG, ORG, ORG]);
    await rejectionOf(
      linkedinProvider.moderateInbox!(context, page, { item: refOf(comment!), action: 'hide' }),
      Permanent,
    );
  });
});
