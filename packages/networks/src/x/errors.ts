/**
 * How X reports failures: RFC 7807 problem JSON (`{title, detail, type, status}`), often with an
 * `errors` array, and the older `{errors: [{code, message}]}`. Rate limits come with
 * `x-rate-limit-reset` (epoch seconds) and, for the 24-hour caps, `x-user-limit-24hour-*` and
 * `x-app-limit-24hour-*`. See docs.x.com/x-api/fundamentals/response-codes-and-errors.
 */
import type { FailureMapping } from '../shared/network-call.ts';

type Described = ReturnType<NonNullable<FailureMapping['describe']>>;

interface XErrorFacts {
  title?: string;
  detail?: string;
  type?: string;
  reason?: string;
  code?: number;
  messages: string[];
}

function readFacts(body: unknown): XErrorFacts | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof record[key] === 'string' ? record[key] : undefined);
  const facts: XErrorFacts = {
    title: text('title'),
    detail: text('detail'),
    type: text('type'),
    reason: text('reason'),
    messages: [],
  };
  if (Array.isArray(record['errors'])) {
    for (const entry of record['errors'] as unknown[]) {
      if (entry === null || typeof entry !== 'object') continue;
      const error = entry as Record<string, unknown>;
      const message =
        typeof error['message'] === 'string'
          ? error['message']
          : typeof error['detail'] === 'string'
            ? error['detail']
            : undefined;
      if (message !== undefined) facts.messages.push(message);
      if (typeof error['code'] === 'number') facts.code ??= error['code'];
    }
  }
  return facts;
}

/** Turns an X error body into a plain message, a vendor code, and what kind of failure it is. */
export function describeXError(body: unknown, status: number): Described {
  const facts = readFacts(body);
  if (facts === undefined) return undefined;
  const said = [facts.detail, ...facts.messages].filter((value): value is string => value !== undefined);
  const message = said[0] ?? facts.title;
  const vendorCode =
    facts.reason ?? facts.type?.split('/').pop() ?? (facts.code === undefined ? undefined : String(facts.code));
  if (said.some((text) => /duplicate content|status is a duplicate/i.test(text)) || facts.code === 187) {
    return {
      kind: 'permanent',
      code: 'duplicate-content',
      message: 'X does not accept the same text twice from one account. Change the text and try again.',
    };
  }
  // 88 rate limit exceeded; 32 / 89 could not authenticate / invalid or expired token (v1.1 codes).
  if (facts.code === 88 || facts.type?.endsWith('usage-capped') === true)
    return { kind: 'rate', message, code: vendorCode };
  if (facts.code === 32 || facts.code === 89) return { kind: 'auth', message, code: vendorCode };
  if (status === 403 && facts.reason === 'client-not-enrolled') {
    return {
      kind: 'permanent',
      code: facts.reason,
      message:
        'The X app behind Plume has no access to this part of the API. The server admin must attach it to a Project in the X developer portal.',
    };
  }
  if (status === 403 && /longer than \d+ minutes/i.test(message ?? '')) {
    return { kind: 'permanent', code: vendorCode, message: `X refused the video: ${message ?? ''}` };
  }
  return { message, code: vendorCode };
}

function epochSecondsToWait(value: string | null, now: number): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Math.max(1000, Number(value) * 1000 - now);
}

/** How long a 429 without Retry-After lasts: the 24-hour cap that ran out, else the 15-minute window. */
export function xRateLimitWaitMs(headers: Headers, now: number): number | undefined {
  if (headers.get('x-app-limit-24hour-remaining') === '0') {
    const wait = epochSecondsToWait(headers.get('x-app-limit-24hour-reset'), now);
    if (wait !== undefined) return wait;
  }
  if (headers.get('x-user-limit-24hour-remaining') === '0') {
    const wait = epochSecondsToWait(headers.get('x-user-limit-24hour-reset'), now);
    if (wait !== undefined) return wait;
  }
  return epochSecondsToWait(headers.get('x-rate-limit-reset'), now);
}

/** The app's 24-hour cap and the monthly usage cap stop every account; other limits are per user. */
export function xRateLimitScope(headers: Headers, body: unknown): 'account' | 'app' {
  if (headers.get('x-app-limit-24hour-remaining') === '0') return 'app';
  const type = readFacts(body)?.type;
  return type?.endsWith('usage-capped') === true ? 'app' : 'account';
}

/** The failure mapping every X call uses. */
export const xFailureMapping: FailureMapping = {
  describe: describeXError,
  rateLimitWaitMs: xRateLimitWaitMs,
  rateLimitScope: xRateLimitScope,
};
