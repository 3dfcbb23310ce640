/**
 * One attempt with its own time budget, translating fetch's generic failures into typed errors
 * so the retry loop and callers never inspect `TypeError('fetch failed')` themselves.
 */
import { HttpError, SsrfBlockedError, HttpNetworkError, HttpTimeoutError } from './errors.ts';
import { fetchFollowingRedirects } from './follow-redirects.ts';
import type { FollowedResponse, OutgoingRequest } from './follow-redirects.ts';
import { redactUrl } from './redact.ts';
import type { Agent } from 'undici';
import type { SsrfGuard } from './ssrf-guard.ts';

/** Everything one attempt needs besides the request itself. */
export interface AttemptContext {
  guard: SsrfGuard;
  dispatcher: Agent;
  maxRedirects: number;
  timeoutMs: number;
  /** The caller's signal: its abort is passed through as-is and never retried. */
  callerSignal: AbortSignal | undefined;
}

/**
 * Sends one attempt. The timeout stays attached to the response body, so it bounds reading the
 * body too: read it promptly, or pass a larger `timeoutMs` for big downloads.
 */
export async function sendAttempt(
  url: URL,
  request: OutgoingRequest,
  context: AttemptContext,
): Promise<FollowedResponse> {
  const timeout = AbortSignal.timeout(context.timeoutMs);
  const signal = context.callerSignal === undefined ? timeout : AbortSignal.any([context.callerSignal, timeout]);
  try {
    return await fetchFollowingRedirects(url, request, {
      guard: context.guard,
      dispatcher: context.dispatcher,
      maxRedirects: context.maxRedirects,
      signal,
    });
  } catch (error) {
    throw toTypedError(error, { url, method: request.method, timeout, context });
  }
}

interface FailureContext {
  url: URL;
  method: string;
  timeout: AbortSignal;
  context: AttemptContext;
}

/** Maps a failure of the guard, fetch or the redirect loop to our error types. */
function toTypedError(error: unknown, failure: FailureContext): unknown {
  const { url, method, timeout, context } = failure;
  if (error instanceof HttpError) return error;
  // The caller cancelled: surface their reason untouched so `signal.reason` comparisons work.
  if (context.callerSignal?.aborted === true) return context.callerSignal.reason;
  if (timeout.aborted) return new HttpTimeoutError(method, redactUrl(url), context.timeoutMs);
  // undici reports every transport failure as a TypeError carrying the socket error as cause;
  // a TypeError without a cause is a programming error (bad header, used body) and stays one.
  // The guarded connection refused the address it was about to connect to (DNS rebinding).
  if (error instanceof TypeError && error.cause instanceof SsrfBlockedError) return error.cause;
  if (error instanceof TypeError && error.cause !== undefined) {
    return new HttpNetworkError(method, redactUrl(url), error.cause);
  }
  return error;
}
