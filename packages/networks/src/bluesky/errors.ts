/**
 * How XRPC reports failures: a JSON body `{error, message}` where `error` is a stable name
 * (atproto.com/specs/xrpc "Error Responses"). Expired or revoked sessions come back as 400
 * `ExpiredToken` / `InvalidToken`, not only 401. Rate limits carry `ratelimit-limit`,
 * `ratelimit-remaining`, `ratelimit-reset` (epoch seconds) and `ratelimit-policy`
 * (docs.bsky.app/docs/advanced-guides/rate-limits).
 */
import type { FailureMapping } from '../shared/network-call.ts';

type Described = ReturnType<NonNullable<FailureMapping['describe']>>;

/** XRPC error names that mean the session must be refreshed or the account reconnected. */
const AUTH_ERRORS = new Set([
  'ExpiredToken',
  'InvalidToken',
  'AuthenticationRequired',
  'AuthMissing',
  'BadJwt',
  'BadJwtSignature',
]);

/** Plain-words messages for the error names a user can act on. */
const PLAIN_MESSAGES: Readonly<Record<string, string>> = {
  AccountTakedown: 'Bluesky has taken this account down.',
  AccountDeactivated: 'This Bluesky account is deactivated. Reactivate it in Bluesky, then try again.',
  AuthFactorTokenRequired:
    'This account asks for an email code at sign-in. Use an app password (Bluesky settings → Privacy and security → App passwords) instead of your main password.',
  BlobTooLarge: 'An image is larger than Bluesky accepts (1 MB per image).',
  PayloadTooLarge: 'The upload is larger than Bluesky accepts.',
  InvalidSwap: 'Bluesky refused the change because the account changed at the same time. Try again.',
  RepoNotFound: 'Bluesky could not find this account.',
  RecordNotFound: 'Bluesky could not find that post.',
  DuplicateCreate: 'A post with this id already exists on Bluesky.',
};

/** Reads `{error, message}` from an XRPC error body. */
export function readXrpcError(body: unknown): { error?: string; message?: string } {
  if (body === null || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  return {
    ...(typeof record['error'] === 'string' ? { error: record['error'] } : {}),
    ...(typeof record['message'] === 'string' ? { message: record['message'] } : {}),
  };
}

/** Turns an XRPC error body into a plain message, the vendor's error name, and its kind. */
export function describeBlueskyError(body: unknown, status: number): Described {
  const { error, message } = readXrpcError(body);
  if (error === undefined) return message === undefined ? undefined : { message };
  if (AUTH_ERRORS.has(error)) return { kind: 'auth', code: error, message: message ?? error };
  if (error === 'RateLimitExceeded') return { kind: 'rate', code: error, message: message ?? error };
  const plain = PLAIN_MESSAGES[error];
  if (plain !== undefined) return { kind: status >= 500 ? 'retry' : 'permanent', code: error, message: plain };
  if (error === 'InvalidRequest' && message !== undefined) return { code: error, message: `Bluesky said: ${message}` };
  return { code: error, message: message ?? error };
}

/** A 429 without Retry-After waits until `ratelimit-reset` (epoch seconds). */
export function blueskyRateLimitWaitMs(headers: Headers, now: number): number | undefined {
  const reset = headers.get('ratelimit-reset')?.trim();
  if (reset === undefined || !/^\d+$/.test(reset)) return undefined;
  return Math.max(1000, Number(reset) * 1000 - now);
}

/** The failure mapping every XRPC call uses. Limits are per account (DID) or per handle. */
export const blueskyFailureMapping: FailureMapping = {
  describe: describeBlueskyError,
  rateLimitWaitMs: blueskyRateLimitWaitMs,
};
