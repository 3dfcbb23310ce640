/**
 * Reviews of a Business Profile location as inbox items, and replies to them.
 * - Read: `GET v4/{account}/{location}/reviews?orderBy=updateTime desc` (50 a page, `pageToken`), down to the
 *   stored position: the newest `updateTime` handed out and the reviews at that instant. The first read looks
 *   back 7 days; over `limit` new reviews, the oldest come first with `more: true`. A review edited later
 *   comes again (same id, new text). The business's own answer (`reviewReply`) comes as a `reply` from the
 *   account. Google lists no deleted reviews, so none comes back gone.
 * - Reply: `PUT v4/{review}/reply` `{comment}` creates or replaces the one answer a review has, so sending it
 *   twice leaves one reply (Google needs no idempotency key).
 * - No moderation: a review cannot be hidden or deleted by the business (only reported to Google);
 *   `DELETE …/reply` deletes our own answer, which is not moderating the review.
 *
 * Docs: https://developers.google.com/my-business/reference/rest/v4/accounts.locations.reviews/list,
 * https://developers.google.com/my-business/reference/rest/v4/accounts.locations.reviews/updateReply
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishedItem } from '../../contract.ts';
import type { InboxItemReading, InboxPage, InboxReplyRequest } from '../../inbox-contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { bearer } from '../../shared/oauth2.ts';
import { googleJson } from '../../youtube/google-call.ts';
import { requireEndpoint } from '../../youtube/google-oauth.ts';
import { readGoogleBusiness } from '../client.ts';
import { googleBusinessVocabulary } from '../errors.ts';

const PAGE_SIZE = 50;
const MAX_PAGES = 20;
const FIRST_LOOK_BACK_MS = 7 * 24 * 3600 * 1000;
const STARS: Readonly<Record<string, number>> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };
const REVIEW_NAME = /^accounts\/[^/]+\/locations\/[^/]+\/reviews\/[^/]+$/;

const reviewSchema = z.looseObject({
  name: z.string().regex(REVIEW_NAME),
  reviewer: z
    .looseObject({
      displayName: z.string().optional(),
      profilePhotoUrl: z.string().optional(),
      isAnonymous: z.boolean().optional(),
    })
    .default({}),
  starRating: z.string().optional(),
  comment: z.string().optional(),
  createTime: z.iso.datetime({ offset: true }),
  updateTime: z.iso.datetime({ offset: true }),
  reviewReply: z
    .looseObject({ comment: z.string(), updateTime: z.iso.datetime({ offset: true }).optional() })
    .optional(),
});
type Review = z.output<typeof reviewSchema>;
const reviewsPage = z.looseObject({ reviews: z.array(reviewSchema).default([]), nextPageToken: z.string().optional() });

const cursorSchema = z.object({ since: z.number(), ids: z.array(z.string()) });
type Cursor = z.output<typeof cursorSchema>;

function parseCursor(cursor: string | null, now: Date): Cursor {
  const fresh = { since: now.getTime() - FIRST_LOOK_BACK_MS, ids: [] };
  if (cursor === null) return fresh;
  try {
    return cursorSchema.safeParse(JSON.parse(cursor)).data ?? fresh;
  } catch {
    return fresh;
  }
}

function locationParent(account: AccountAuth): string {
  const owner = account.metadata['account'];
  const location = account.metadata['location'] ?? account.externalId;
  if (owner === undefined)
    throw new Permanent('Connect the Business Profile location again so Plume learns its account.');
  return `${owner}/${location}`;
}

const updated = (review: Review): number => Date.parse(review.updateTime);

/** Reviews updated after the cursor, oldest first. */
async function readNewReviews(context: NetworkContext, account: AccountAuth, cursor: Cursor): Promise<Review[]> {
  const found: Review[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const url = new URL(`${requireEndpoint(context, 'posts')}/${locationParent(account)}/reviews`);
    url.searchParams.set('pageSize', String(PAGE_SIZE));
    url.searchParams.set('orderBy', 'updateTime desc');
    if (token !== undefined) url.searchParams.set('pageToken', token);
    const answer = await readGoogleBusiness(context, account.tokens, url, reviewsPage, 'read the reviews');
    let reachedOld = false;
    for (const review of answer.reviews) {
      const time = updated(review);
      if (time > cursor.since || (time === cursor.since && !cursor.ids.includes(review.name))) found.push(review);
      else if (time < cursor.since) reachedOld = true;
    }
    token = answer.nextPageToken;
    if (reachedOld || token === undefined) break;
  }
  return found.sort((a, b) => updated(a) - updated(b) || a.name.localeCompare(b.name));
}

function readingsOf(review: Review, account: AccountAuth): InboxItemReading[] {
  const anonymous = review.reviewer.isAnonymous === true;
  const name = anonymous ? 'A Google user' : (review.reviewer.displayName ?? 'A Google user');
  const rating = STARS[review.starRating ?? ''];
  const item: InboxItemReading = {
    remoteId: review.name,
    kind: 'review',
    conversationKey: review.name,
    parentRemoteId: null,
    postRemoteId: null,
    // The API gives no stable reviewer id; the review's own id stands in.
    author: {
      id: review.name,
      handle: name,
      displayName: name,
      ...(review.reviewer.profilePhotoUrl === undefined ? {} : { avatarUrl: review.reviewer.profilePhotoUrl }),
    },
    text: review.comment ?? '',
    createdAt: new Date(review.createTime),
    url: null,
    ...(rating === undefined ? {} : { rating }),
    fromAccount: false,
    meta: { updateTime: review.updateTime },
  };
  const reply = review.reviewReply;
  if (reply === undefined) return [item];
  const answer: InboxItemReading = {
    remoteId: `${review.name}/reply`,
    kind: 'reply',
    conversationKey: review.name,
    parentRemoteId: review.name,
    postRemoteId: null,
    author: { id: account.externalId, handle: 'owner', displayName: 'Owner response' },
    text: reply.comment,
    createdAt: new Date(reply.updateTime ?? review.updateTime),
    url: null,
    fromAccount: true,
    meta: {},
  };
  return [item, answer];
}

export async function listGoogleBusinessInbox(
  context: NetworkContext,
  account: AccountAuth,
  options: { cursor: string | null; limit: number },
): Promise<InboxPage> {
  const cursor = parseCursor(options.cursor, context.now());
  const fresh = await readNewReviews(context, account, cursor);
  const taken = fresh.slice(0, Math.max(1, options.limit));
  const items = taken.flatMap((review) => readingsOf(review, account));
  const last = taken.at(-1);
  if (last === undefined)
    return { items, cursor: options.cursor === null ? JSON.stringify(cursor) : null, more: false };
  const time = updated(last);
  const atLast = taken.filter((review) => updated(review) === time).map((review) => review.name);
  const ids = time === cursor.since ? [...cursor.ids, ...atLast] : atLast;
  return { items, cursor: JSON.stringify({ since: time, ids }), more: fresh.length > taken.length };
}

const replySchema = z.looseObject({ comment: z.string() });

export async function replyToGoogleBusinessReview(
  context: NetworkContext,
  account: AccountAuth,
  request: InboxReplyRequest,
): Promise<PublishedItem> {
  const review = request.item.remoteId;
  if (request.item.kind !== 'review' || !REVIEW_NAME.test(review))
    throw new Permanent('Only reviews can be answered on Google Business Profile.', { vendorCode: 'bad_review_id' });
  await googleJson(
    context.http,
    `${requireEndpoint(context, 'posts')}/${review}/reply`,
    {
      method: 'PUT',
      headers: { ...bearer(account.tokens), 'content-type': 'application/json' },
      body: JSON.stringify({ comment: request.text }),
    },
    { schema: replySchema, what: 'answer the review', now: context.now(), vocabulary: googleBusinessVocabulary },
  );
  return { remoteId: `${review}/reply`, url: null };
}
