/**
 * Reviews in the Google Business Profile fake
 * (https://developers.google.com/my-business/reference/rest/v4/accounts.locations.reviews):
 * - `GET /v4/accounts/{a}/locations/{l}/reviews?pageSize&pageToken&orderBy`: at most 50 a page, newest
 *   `updateTime` first with `orderBy=updateTime desc` (the default order is the same here); `starRating` as
 *   the enum ONE…FIVE; `reviewReply` once the business answered. Deleted reviews are not listed.
 * - `PUT …/reviews/{r}/reply` `{comment}`: creates or replaces the reply (≤ 4,096 bytes), answers the reply.
 * - `DELETE …/reviews/{r}/reply`: removes the reply.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { aipError } from '../youtube/google-token-routes.ts';

export const STAR_RATINGS = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'] as const;

export interface FakeReview {
  /** `accounts/…/locations/…/reviews/…`. */
  name: string;
  reviewer: { displayName: string; profilePhotoUrl?: string; isAnonymous?: boolean };
  starRating: (typeof STAR_RATINGS)[number] | 'STAR_RATING_UNSPECIFIED';
  comment?: string;
  createTime: string;
  updateTime: string;
  reviewReply?: { comment: string; updateTime: string };
  deleted?: boolean;
}

const notFound: FakeResponse = { status: 404, body: aipError(404, 'Requested entity was not found.', 'NOT_FOUND') };

function reviewBody(review: FakeReview): Record<string, unknown> {
  const { deleted: _, ...rest } = review;
  return { ...rest, reviewId: review.name.split('/').at(-1) };
}

export function reviewRoutes(
  reviews: Map<string, FakeReview>,
  guard: (request: FakeRequest) => FakeResponse | undefined,
): FakeRoute[] {
  const reviewOf = (request: FakeRequest): FakeReview | undefined => {
    const { account, location, review } = request.params;
    const found = reviews.get(`accounts/${account}/locations/${location}/reviews/${review}`);
    return found?.deleted === true ? undefined : found;
  };
  return [
    {
      method: 'GET',
      path: '/v4/accounts/:account/locations/:location/reviews',
      handler: (request) => {
        const denied = guard(request);
        if (denied !== undefined) return denied;
        const order = request.query.get('orderBy');
        if (order !== null && !['updateTime desc', 'rating', 'rating desc'].includes(order))
          return { status: 400, body: aipError(400, 'Request contains an invalid argument.', 'INVALID_ARGUMENT') };
        const parent = `accounts/${request.params['account']}/locations/${request.params['location']}/reviews/`;
        const listed = [...reviews.values()]
          .filter((review) => review.name.startsWith(parent) && review.deleted !== true)
          .sort((a, b) => b.updateTime.localeCompare(a.updateTime));
        const size = Math.min(Number(request.query.get('pageSize') ?? 50) || 50, 50);
        const start = Number(request.query.get('pageToken') ?? 0) || 0;
        const slice = listed.slice(start, start + size);
        return {
          body: {
            reviews: slice.map(reviewBody),
            totalReviewCount: listed.length,
            ...(start + size < listed.length ? { nextPageToken: String(start + size) } : {}),
          },
        };
      },
    },
    {
      method: 'PUT',
      path: '/v4/accounts/:account/locations/:location/reviews/:review/reply',
      handler: (request) => {
        const denied = guard(request);
        if (denied !== undefined) return denied;
        const review = reviewOf(request);
        if (review === undefined) return notFound;
        const comment = (request.body as { comment?: unknown } | undefined)?.comment;
        if (typeof comment !== 'string' || comment.length === 0 || Buffer.byteLength(comment) > 4096)
          return { status: 400, body: aipError(400, 'Request contains an invalid argument.', 'INVALID_ARGUMENT') };
        review.reviewReply = { comment, updateTime: new Date().toISOString() };
        return { body: review.reviewReply };
      },
    },
    {
      method: 'DELETE',
      path: '/v4/accounts/:account/locations/:location/reviews/:review/reply',
      handler: (request) => {
        const denied = guard(request);
        if (denied !== undefined) return denied;
        const review = reviewOf(request);
        if (review === undefined) return notFound;
        delete review.reviewReply;
        return { body: {} };
      },
    },
  ];
}
