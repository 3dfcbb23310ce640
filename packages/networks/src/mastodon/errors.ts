/**
 * How Mastodon reports failures: `{error, error_description?}` with the HTTP status carrying the
 * meaning (401 token, 403 not allowed, 404 gone, 422 validation, 429 + `X-RateLimit-Reset` as an
 * ISO 8601 timestamp, 503 unavailable). Docs: docs.joinmastodon.org/api/rate-limits, …/entities/Error
 */
import type { FailureMapping } from '../shared/network-call.ts';

type Described = ReturnType<NonNullable<FailureMapping['describe']>>;

/** The server's own words, prefixed so users know who said them. */
export function describeMastodonError(body: unknown, status: number): Described {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const error = typeof record['error'] === 'string' ? record['error'] : undefined;
  const description = typeof record['error_description'] === 'string' ? record['error_description'] : undefined;
  const said = description ?? error;
  if (said === undefined) return undefined;
  if (status === 422)
    return { kind: 'permanent', message: `the Mastodon server said: ${said}`, code: 'validation_failed' };
  if (status === 403)
    return { kind: 'permanent', message: `the Mastodon server does not allow it: ${said}`, code: 'forbidden' };
  return { message: said, ...(error === undefined ? {} : { code: error }) };
}

/** A 429 without Retry-After lasts until `X-RateLimit-Reset` (ISO 8601). */
export function mastodonRateLimitWaitMs(headers: Headers, now: number): number | undefined {
  const reset = headers.get('x-ratelimit-reset');
  if (reset === null) return undefined;
  const at = Date.parse(reset);
  return Number.isNaN(at) ? undefined : Math.max(1000, at - now);
}

/** The failure mapping every Mastodon call uses; limits are per account. */
export const mastodonFailureMapping: FailureMapping = {
  describe: describeMastodonError,
  rateLimitWaitMs: mastodonRateLimitWaitMs,
  rateLimitScope: () => 'account',
};
