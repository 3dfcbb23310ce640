/**
 * Pinterest's error answers: `{ code, message }` with the HTTP status carrying the meaning
 * (developers.pinterest.com/docs/api/v5, "Error" schema). 429s come with `Retry-After` or the
 * `X-RateLimit-Reset` header (developers.pinterest.com/docs/reference/rate-limits).
 */
import type { FailureMapping } from '../shared/network-call.ts';

type Described = NonNullable<ReturnType<NonNullable<FailureMapping['describe']>>>;

/** Reads `{ code, message }`; S3 upload errors are XML, from which the `<Message>` is taken. */
export function describePinterestError(body: unknown, status: number): Described | undefined {
  if (typeof body === 'string') {
    const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
    return message === undefined ? undefined : { message };
  }
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const code =
    typeof record['code'] === 'number' || typeof record['code'] === 'string' ? String(record['code']) : undefined;
  const message = typeof record['message'] === 'string' && record['message'].length > 0 ? record['message'] : undefined;
  if (status === 403) {
    return {
      ...(code === undefined ? {} : { code }),
      message: `Pinterest does not allow this for the account or this server's app${message === undefined ? '' : ` (${message})`}.`,
    };
  }
  if (code === undefined && message === undefined) return undefined;
  return { ...(code === undefined ? {} : { code }), ...(message === undefined ? {} : { message }) };
}

/** How long a 429 without Retry-After should wait: `X-RateLimit-Reset` (seconds, or an epoch time). */
export function pinterestRateLimitWaitMs(headers: Headers, now: number): number | undefined {
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  return reset > 1_000_000_000 ? Math.max(0, reset * 1000 - now) : reset * 1000;
}

/** The failure mapping of every Pinterest call. */
export const pinterestFailureMapping: FailureMapping = {
  describe: describePinterestError,
  rateLimitWaitMs: pinterestRateLimitWaitMs,
};
