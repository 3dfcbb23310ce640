/** Business Profile reviews in the inbox and answers to them, against the fake over real HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startGoogleBusinessFake,
  type FakeReview,
  type GoogleBusinessFake,
} from '@plume/testing/fakes/google_business';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { rejectionOf } from '@plume/testing/rejection-of';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import type { InboxItemReading, InboxItemRef } from '../inbox-contract.ts';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { google_businessProvider as provider } from './provider.ts';

const PARENT = 'accounts/1001/locations/2001';
const HOUR = 3600 * 1000;
let fake: GoogleBusinessFake;
let context: NetworkContext;
let account: AccountAuth;
let counter = 0;

beforeAll(async () => {
  fake = await startGoogleBusinessFake();
  context = createTestNetworkContext(fake.endpoints, { app: fake.app });
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.server.reset();
  fake.state.reviews.clear();
  account = fake.account();
});

function addReview(overrides: Partial<FakeReview> = {}, ageMs = HOUR - counter * 1000): FakeReview {
  counter += 1;
  const time = new Date(Date.now() - ageMs).toISOString();
  const review: FakeReview = {
    name: `${PARENT}/reviews/r${counter}`,
    reviewer: { displayName: `Guest ${counter}`, profilePhotoUrl: `https://lh3.example/${counter}.png` },
    starRating: 'FOUR',
    comment: `Lovely bread ${counter}`,
    createTime: time,
    updateTime: time,
    ...overrides,
  };
  fake.state.reviews.set(review.name, review);
  return review;
}

const list = (cursor: string | null, limit = 50) => provider.listInbox!(context, account, { cursor, limit });
const isReviews = (request: { path: string; method: string }) => request.path.endsWith('/reviews');
const refOf = (item: InboxItemReading): InboxItemRef => ({
  remoteId: item.remoteId,
  kind: item.kind,
  conversationKey: item.conversationKey,
  parentRemoteId: item.parentRemoteId,
  postRemoteId: item.postRemoteId,
  authorId: item.author.id,
  meta: item.meta,
});

describe('Google Business listInbox', () => {
  it('reads reviews with their star rating (1–5) and the owner’s answer as our reply', async () => {
    const plain = addReview({ starRating: 'TWO', reviewer: { displayName: 'Sam' } });
    const answered = addReview({ reviewReply: { comment: 'Thank you!', updateTime: new Date().toISOString() } });
    const anonymous = addReview({
      starRating: 'FIVE',
      comment: undefined,
      reviewer: { displayName: 'x', isAnonymous: true },
    });

    const read = await list(null);

    expect(
      read.items.map((item) => [item.remoteId, item.kind, item.conversationKey, item.rating, item.fromAccount]),
    ).toEqual([
      [plain.name, 'review', plain.name, 2, false],
      [answered.name, 'review', answered.name, 4, false],
      [`${answered.name}/reply`, 'reply', answered.name, undefined, true],
      [anonymous.name, 'review', anonymous.name, 5, false],
    ]);
    expect(read.items[0]).toMatchObject({ author: { displayName: 'Sam' }, text: plain.comment, postRemoteId: null });
    expect(read.items[3]).toMatchObject({ text: '', author: { displayName: 'A Google user' } });
    const [request] = fake.server.requests.filter(isReviews);
    expect([request?.path, request?.query.get('orderBy'), request?.query.get('pageSize')]).toEqual([
      `/v4/${PARENT}/reviews`,
      'updateTime desc',
      '50',
    ]);
  });

  it('looks back 7 days first; later reads return only new or edited reviews, nothing twice; deleted ones drop out', async () => {
    addReview({}, 8 * 24 * HOUR);
    const recent = addReview();
    const first = await list(null);
    expect(first.items.map((item) => item.remoteId)).toEqual([recent.name]);
    expect(await list(first.cursor)).toEqual({ items: [], cursor: null, more: false });

    const gone = addReview({}, 0);
    gone.deleted = true;
    const fresh = addReview({}, 1000);
    recent.comment = 'Edited: even better';
    recent.updateTime = new Date().toISOString();
    const next = await list(first.cursor);
    expect(next.items.map((item) => [item.remoteId, item.text])).toEqual([
      [fresh.name, fresh.comment],
      [recent.name, 'Edited: even better'],
    ]);
    expect((await list(next.cursor)).items).toEqual([]);
  });

  it('pages 50 at a time through 120 new reviews, oldest first, with more until done', async () => {
    const all = Array.from({ length: 120 }, (_, index) => addReview({}, 2 * HOUR - index * 1000));
    const seen: string[] = [];
    const mores: boolean[] = [];
    let cursor: string | null = null;
    for (let read = 0; read < 3; read += 1) {
      const answer = await list(cursor, 50);
      seen.push(...answer.items.map((item) => item.remoteId));
      mores.push(answer.more);
      cursor = answer.cursor ?? cursor;
    }
    expect(seen).toEqual(all.map((review) => review.name));
    expect(mores).toEqual([true, true, false]);
    expect(
      fake.server.requests
        .filter(isReviews)
        .slice(0, 3)
        .map((request) => request.query.get('pageToken')),
    ).toEqual([null, '50', '100']);
  });

  it('maps 401, 403, 429 and 5xx to the typed errors', async () => {
    addReview();
    await rejectionOf(
      provider.listInbox!(context, { ...account, tokens: { accessToken: 'nope' } }, { cursor: null, limit: 50 }),
      AuthExpired,
    );
    const aip = (code: number, status: string) => ({ error: { code, message: status, status } });
    fake.server.failNext({ status: 403, match: isReviews, body: aip(403, 'PERMISSION_DENIED') });
    await rejectionOf(list(null), Permanent);
    fake.server.failNext({
      status: 429,
      match: isReviews,
      headers: { 'retry-after': '20' },
      body: aip(429, 'RESOURCE_EXHAUSTED'),
    });
    expect((await rejectionOf(list(null), RateLimited)).retryAfterMs).toBe(20_000);
    fake.server.failNext({ status: 503, match: isReviews, body: aip(503, 'UNAVAILABLE') });
    await rejectionOf(list(null), Retryable);
  });
});

describe('Google Business replyToInbox', () => {
  it('answers a review with PUT …/reply {comment}; answering again replaces the one answer', async () => {
    const review = addReview();
    const [item] = (await list(null)).items;

    const sent = await provider.replyToInbox!(context, account, {
      item: refOf(item!),
      text: 'Thanks, Sam!',
      idempotencyKey: 'k',
    });
    await provider.replyToInbox!(context, account, { item: refOf(item!), text: 'Thanks again!', idempotencyKey: 'k' });

    expect(sent).toEqual({ remoteId: `${review.name}/reply`, url: null });
    const puts = fake.server.requests.filter((request) => request.method === 'PUT');
    expect(puts.map((request) => [request.path, request.body])).toEqual([
      [`/v4/${review.name}/reply`, { comment: 'Thanks, Sam!' }],
      [`/v4/${review.name}/reply`, { comment: 'Thanks again!' }],
    ]);
    expect(fake.state.reviews.get(review.name)?.reviewReply?.comment).toBe('Thanks again!');
  });

  it('a review deleted meanwhile fails as Permanent; the reply itself cannot be answered', async () => {
    const review = addReview();
    const [item] = (await list(null)).items;
    review.deleted = true;
    await rejectionOf(
      provider.replyToInbox!(context, account, { item: refOf(item!), text: 'Hi', idempotencyKey: 'k' }),
      Permanent,
    );
    await rejectionOf(
      provider.replyToInbox!(context, account, {
        item: { ...refOf(item!), kind: 'reply' },
        text: 'Hi',
        idempotencyKey: 'k',
      }),
      Permanent,
    );
    expect(provider.moderateInbox).toBeUndefined();
  });
});
