/**
 * Reddit's two error channels. HTTP errors carry `{"message": "Unauthorized", "error": 401}`; the
 * submit and comment endpoints (`api_type=json`) answer **200** with `{"json": {"errors": [[CODE,
 * message, field]]}}` when they refuse, so those arrays are mapped here: RATELIMIT ("Take a break for
 * 9 minutes") → RateLimited, USER_REQUIRED → AuthExpired, the rest → Permanent in plain words. A
 * refusal means nothing was created. `X-Ratelimit-Reset` gives the seconds left in the window.
 *
 * Docs: https://www.reddit.com/dev/api, https://github.com/reddit-archive/reddit/blob/master/r2/r2/lib/errors.py,
 * https://support.reddithelp.com/hc/en-us/articles/16160319875092-Reddit-Data-API-Wiki
 */
import type { FailureMapping } from '../shared/network-call.ts';
import { AuthExpired, Permanent, RateLimited, type AnyProviderError } from '../provider-errors.ts';

const DEFAULT_RATELIMIT_MS = 60_000;

/** Reddit error codes in plain words; `{sr}` is the subreddit. */
const PLAIN_WORDS: Readonly<Record<string, string>> = {
  SUBREDDIT_NOEXIST: 'The subreddit r/{sr} does not exist.',
  SUBREDDIT_NOTALLOWED: 'This account is not allowed to post in r/{sr}.',
  SUBREDDIT_REQUIRED: 'Reddit needs a subreddit to post in.',
  NO_LINKS: 'r/{sr} only allows text posts.',
  NO_SELFS: 'r/{sr} does not allow text posts; post a link instead.',
  ALREADY_SUB: 'This link was already posted to r/{sr}.',
  SUBMIT_VALIDATION_FLAIR_REQUIRED: 'r/{sr} requires a post flair: choose one in the Reddit settings of the post.',
  NO_TEXT: 'Reddit needs a title.',
  TOO_LONG: 'Part of the post is longer than Reddit allows (titles: 300 characters).',
  BAD_URL: 'Reddit says the link is not a valid URL.',
  BANNED_FROM_SUBREDDIT: 'This account is banned from r/{sr}.',
  IN_TIMEOUT: 'This Reddit account is in a timeout and cannot post for now.',
  DELETED_LINK: 'The Reddit post no longer exists.',
  THREAD_LOCKED: 'The Reddit post is locked; comments are closed.',
};

/** One `[code, message, field]` entry of `json.errors`. */
export type RedditJsonError = readonly unknown[];

/**
 * The typed error a 200-with-errors answer means.
 * @example redditJsonError([['RATELIMIT', 'Take a break for 9 minutes before trying again.', 'ratelimit']], 'test') // RateLimited 540000
 */
export function redditJsonError(errors: readonly RedditJsonError[], subreddit = ''): AnyProviderError {
  const [code, message, field] = (errors[0] ?? []).map((item) => (typeof item === 'string' ? item : ''));
  const vendorCode = code === undefined || code.length === 0 ? 'UNKNOWN' : code;
  if (vendorCode === 'RATELIMIT') return new RateLimited(parseWait(message ?? '') ?? DEFAULT_RATELIMIT_MS, 'account');
  if (vendorCode === 'USER_REQUIRED')
    return new AuthExpired('Reddit no longer accepts this login; reconnect the account.');
  const plain = PLAIN_WORDS[vendorCode]?.replaceAll('{sr}', subreddit);
  const detail = field === undefined || field.length === 0 ? message : `${message} (${field})`;
  return new Permanent(plain ?? `Reddit refused the post: ${detail ?? vendorCode}`, { vendorCode });
}

/**
 * "try again in 9 minutes", "Take a break for 45 seconds" → milliseconds.
 * @example parseWait('you are doing that too much. try again in 9 minutes.') // 540000
 */
export function parseWait(message: string): number | undefined {
  const match = /(\d+)\s*(millisecond|second|minute|hour)s?/i.exec(message);
  if (match === null) return undefined;
  const unit = match[2]!.toLowerCase();
  const factor = unit === 'millisecond' ? 1 : unit === 'second' ? 1000 : unit === 'minute' ? 60_000 : 3_600_000;
  return Number(match[1]) * factor;
}

/** How the shared mapping reads Reddit's HTTP errors and its rate-limit headers. */
export const redditFailureMapping: FailureMapping = {
  describe: (body, status) => {
    if (body === null || typeof body !== 'object') return undefined;
    const record = body as Record<string, unknown>;
    const message =
      typeof record['message'] === 'string'
        ? record['message']
        : typeof record['reason'] === 'string'
          ? record['reason']
          : undefined;
    if (status === 403) {
      return {
        message: `Reddit refused access (${message ?? 'Forbidden'}): the account may be suspended or not allowed there.`,
        code: 'FORBIDDEN',
      };
    }
    const code =
      typeof record['error'] === 'string' || typeof record['error'] === 'number'
        ? String(record['error'])
        : String(status);
    return message === undefined ? undefined : { message, code };
  },
  // Seconds to the end of the current window.
  rateLimitWaitMs: (headers) => {
    const reset = Number(headers.get('x-ratelimit-reset'));
    return Number.isFinite(reset) && reset > 0 ? Math.ceil(reset) * 1000 : undefined;
  },
  // Reddit counts requests per OAuth client id: a 429 slows every account of the app.
  rateLimitScope: () => 'app',
};
