/**
 * How Threads reports failures: Graph API bodies `{error: {message, type, code, error_subcode,
 * error_user_msg?, is_transient?, fbtrace_id}}`, where the code matters more than the HTTP status:
 * 190 / 102 token, 4 app throttled, 17 / 32 / 613 account throttled, 1 / 2 temporary, 10 and
 * 200–299 missing permission, 368 blocked for policy reasons, 506 duplicate post.
 * Docs: developers.facebook.com/docs/graph-api/guides/error-handling
 */
import type { FailureMapping } from '../shared/network-call.ts';

type Described = ReturnType<NonNullable<FailureMapping['describe']>>;

export interface GraphError {
  message?: string;
  code?: number;
  subcode?: number;
  userMessage?: string;
  transient: boolean;
}

/** Reads the Graph API `error` object, if the body has one. */
export function readGraphError(body: unknown): GraphError | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const error = (body as Record<string, unknown>)['error'];
  if (error === null || typeof error !== 'object') return undefined;
  const record = error as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof record[key] === 'string' && record[key] !== '' ? record[key] : undefined;
  const number = (key: string): number | undefined => (typeof record[key] === 'number' ? record[key] : undefined);
  return {
    message: text('message'),
    code: number('code'),
    subcode: number('error_subcode'),
    userMessage: text('error_user_msg'),
    transient: record['is_transient'] === true,
  };
}

const ACCOUNT_THROTTLES = new Set([17, 32, 613]);

/** Maps a Graph error to a plain message and the kind of failure it is. */
export function describeThreadsError(body: unknown, _status: number): Described {
  const error = readGraphError(body);
  if (error === undefined) return undefined;
  const message = error.userMessage ?? error.message;
  const code =
    error.code === undefined ? undefined : `${error.code}${error.subcode === undefined ? '' : `/${error.subcode}`}`;
  const described = (kind: NonNullable<Described>['kind'], text = message): Described => ({
    kind,
    message: text,
    code,
  });
  if (error.code === 190 || error.code === 102) return described('auth');
  if (error.code === 4 || (error.code !== undefined && ACCOUNT_THROTTLES.has(error.code))) return described('rate');
  if (error.code === 1 || error.code === 2 || error.transient) return described('retry');
  if (error.code === 10 || (error.code !== undefined && error.code >= 200 && error.code <= 299)) {
    return described(
      'permanent',
      'Plume is missing a Threads permission. Reconnect the account and allow everything Plume asks for.',
    );
  }
  if (error.code === 368)
    return described('permanent', 'Threads has temporarily blocked this account from posting for breaking its rules.');
  if (error.code === 506)
    return described(
      'permanent',
      'Threads does not accept the same post twice in a row. Change the text and try again.',
    );
  return { message, code };
}

/** Code 4 throttles the whole app; the others only this account. */
export function threadsRateLimitScope(_headers: Headers, body: unknown): 'account' | 'app' {
  return readGraphError(body)?.code === 4 ? 'app' : 'account';
}

/** Meta's usage headers can say when access returns (`estimated_time_to_regain_access`, minutes). */
export function threadsRateLimitWaitMs(headers: Headers): number | undefined {
  const usage = headers.get('x-business-use-case-usage');
  if (usage !== null) {
    try {
      const parsed = JSON.parse(usage) as Record<string, { estimated_time_to_regain_access?: number }[]>;
      const minutes = Object.values(parsed)
        .flat()
        .map((entry) => entry.estimated_time_to_regain_access ?? 0);
      const longest = Math.max(0, ...minutes);
      if (longest > 0) return longest * 60_000;
    } catch {
      // not JSON; fall through
    }
  }
  // Graph limits are counted over rolling windows and come without a reset time.
  return 15 * 60_000;
}

/** The failure mapping every Threads call uses. */
export const threadsFailureMapping: FailureMapping = {
  describe: describeThreadsError,
  rateLimitWaitMs: threadsRateLimitWaitMs,
  rateLimitScope: threadsRateLimitScope,
};
