/**
 * Which failures are worth another attempt, and how long to wait. Only requests that are safe
 * to repeat are retried: re-sending a POST could publish a post twice.
 */
import { HttpNetworkError, HttpTimeoutError } from './errors.ts';

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** True for methods RFC 9110 defines as idempotent. */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** Statuses that mean "try again later" rather than "your request is wrong". */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Statuses whose `Retry-After` header we obey. */
export function honoursRetryAfter(status: number): boolean {
  return status === 429 || status === 503;
}

/** Failures before any response: the server never processed the request (or never answered). */
export function isRetryableError(error: unknown): boolean {
  return error instanceof HttpNetworkError || error instanceof HttpTimeoutError;
}

/**
 * Exponential backoff with full jitter: a random delay in [0, min(max, base * 2^(attempt-1))).
 * Jitter spreads retries from many workers so they do not hit a recovering server together.
 * @example backoffDelayMs(3, 200, 5000) // somewhere in [0, 800)
 */
export function backoffDelayMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** A body that can be sent again (retry, 307/308 redirect); streams are consumed by the first send. */
export function isReplayableBody(body: RequestInit['body']): boolean {
  return !(body instanceof ReadableStream) && !isAsyncIterable(body);
}

function isAsyncIterable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
