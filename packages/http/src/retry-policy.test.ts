import { describe, expect, it } from 'vitest';
import { backoffDelayMs, isIdempotentMethod, isReplayableBody, isRetryableStatus } from './retry-policy.ts';

describe('retry policy', () => {
  it('treats only idempotent methods as retryable', () => {
    expect(['GET', 'head', 'OPTIONS', 'PUT', 'DELETE'].filter((method) => !isIdempotentMethod(method))).toEqual([]);
    expect(['POST', 'PATCH'].filter(isIdempotentMethod)).toEqual([]);
  });

  it('retries transient statuses only', () => {
    expect([408, 425, 429, 500, 502, 503, 504].filter((status) => !isRetryableStatus(status))).toEqual([]);
    expect([200, 400, 401, 403, 404, 409, 422, 501].filter(isRetryableStatus)).toEqual([]);
  });

  it('grows the backoff ceiling exponentially up to the cap, with full jitter', () => {
    const highest = () => 0.999_999;
    expect(backoffDelayMs(1, 100, 1000, highest)).toBe(99);
    expect(backoffDelayMs(3, 100, 1000, highest)).toBe(399);
    expect(backoffDelayMs(10, 100, 1000, highest)).toBe(999);
    expect(backoffDelayMs(3, 100, 1000, () => 0)).toBe(0);
  });

  it('does not replay streamed bodies', () => {
    expect(isReplayableBody('text')).toBe(true);
    expect(isReplayableBody(undefined)).toBe(true);
    expect(isReplayableBody(new URLSearchParams('a=1'))).toBe(true);
    expect(isReplayableBody(new ReadableStream())).toBe(false);
  });
});
