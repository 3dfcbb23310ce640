/**
 * LinkedIn error bodies (`{status, serviceErrorCode, code, message}`) → typed provider errors.
 * 429s are daily throttles that reset at midnight UTC; the message says whether the whole app
 * ("APPLICATION DAY limit") or one member ("MEMBER DAY limit") ran out. Other 429s protect
 * LinkedIn's infrastructure and pass quickly.
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
 */
import { z } from 'zod';
import { readTextPrefix } from '@plume/http/response-body';
import { failureFromResponse, type FailureMapping } from '../shared/network-call.ts';
import type { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';

const errorBodySchema = z.looseObject({
  status: z.number().optional(),
  serviceErrorCode: z.number().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});

type Described = ReturnType<NonNullable<FailureMapping['describe']>>;

/** Reads a LinkedIn error body into a plain message, a vendor code and, where it matters, the kind. */
export function describeLinkedInError(body: unknown, status: number): Described {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { code, serviceErrorCode, message } = parsed.data;
  const vendorCode = code ?? (serviceErrorCode === undefined ? undefined : String(serviceErrorCode));
  const base = { ...(vendorCode === undefined ? {} : { code: vendorCode }) };
  if (status === 401) return { ...base, message: message ?? 'the access token is invalid or expired', kind: 'auth' };
  if (status === 403) {
    return {
      ...base,
      message: `LinkedIn says this account may not do that (${message ?? 'access denied'}). Reconnect it and grant every permission; for a page, the member must be one of its admins.`,
    };
  }
  if (status === 422 && message !== undefined && /duplicate/i.test(message)) {
    return { ...base, message: 'LinkedIn rejected this post as a duplicate of a recent one.' };
  }
  if (status === 426)
    return { ...base, message: 'LinkedIn no longer accepts the API version this server uses; update Plume.' };
  return message === undefined ? base : { ...base, message };
}

/** Which daily counter a 429 body says ran out, if any. */
export function throttleOf(body: unknown): 'app' | 'account' | undefined {
  const message = errorBodySchema.safeParse(body).data?.message ?? '';
  if (/APPLICATION/i.test(message)) return 'app';
  if (/MEMBER/i.test(message)) return 'account';
  return undefined;
}

/** Milliseconds from `now` until the next midnight UTC, when LinkedIn's daily counters reset. */
export function msUntilMidnightUtc(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1) - now;
}

/** Turns a failed LinkedIn response into the typed error it means. */
export async function linkedinFailure(
  response: Response,
  what: string,
): Promise<AuthExpired | RateLimited | Retryable | Permanent> {
  // The daily-throttle wait depends on the body, which the shared mapping cannot see; read it once here.
  const text = await readTextPrefix(response, 4096);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON; the shared mapping shows the text
  }
  const throttle = response.status === 429 ? throttleOf(body) : undefined;
  const hasNoBody = [101, 103, 204, 205, 304].includes(response.status);
  const copy = new Response(hasNoBody ? null : text, { status: response.status, headers: response.headers });
  return failureFromResponse(copy, {
    what,
    describe: describeLinkedInError,
    ...(throttle === undefined ? {} : { rateLimitWaitMs: (_headers: Headers, now: number) => msUntilMidnightUtc(now) }),
    rateLimitScope: () => throttle ?? 'account',
  });
}
