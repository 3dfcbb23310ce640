/**
 * How Discord reports failures: `{code, message, errors?}` with a JSON error code
 * (discord.com/developers/docs/topics/opcodes-and-status-codes#json). A 429 body is
 * `{message, retry_after (seconds, float), global}` with `Retry-After`, `X-RateLimit-Reset-After`,
 * `X-RateLimit-Global` and `X-RateLimit-Scope` headers (discord.com/developers/docs/topics/rate-limits).
 * A global limit stops every request from this server, so it is scoped to the app.
 */
import { readTextPrefix } from '@plume/http/response-body';
import { parseRetryAfter } from '@plume/http/retry-after';
import { RateLimited, type AnyProviderError } from '../provider-errors.ts';
import { failureFromResponse, type FailureMapping } from '../shared/network-call.ts';

type Described = ReturnType<NonNullable<FailureMapping['describe']>>;

/** JSON error codes that mean the webhook itself is gone or its token is wrong: reconnect. */
const AUTH_CODES = new Set([10015, 50027]);

const PLAIN: Readonly<Record<number, string>> = {
  10003: 'The webhook’s channel no longer exists.',
  10008: 'Discord cannot find that message.',
  40005: 'The files are larger than this Discord server accepts (10 MB without boosts).',
  50006: 'Discord needs text or a file in the message.',
  50013: 'The webhook is not allowed to post there.',
  220001: 'This is a forum channel: set a post title (thread name) in the Discord settings of the post.',
  220003: 'A post title (thread name) only works in forum channels; remove it.',
};

/** Collects `errors` field messages like `content: Must be 2000 or fewer in length.` */
function fieldErrors(errors: unknown, path: string[] = []): string[] {
  if (errors === null || typeof errors !== 'object') return [];
  const record = errors as Record<string, unknown>;
  const messages: string[] = [];
  if (Array.isArray(record['_errors'])) {
    for (const entry of record['_errors'] as { message?: unknown }[]) {
      if (typeof entry.message === 'string') messages.push(`${path.join('.') || 'message'}: ${entry.message}`);
    }
  }
  for (const [key, value] of Object.entries(record))
    if (key !== '_errors') messages.push(...fieldErrors(value, [...path, key]));
  return messages;
}

/** Reads `{code, message, errors}` from a Discord error body. */
export function readDiscordError(body: unknown): { code?: number; message?: string; details: string[] } {
  if (body === null || typeof body !== 'object') return { details: [] };
  const record = body as Record<string, unknown>;
  return {
    ...(typeof record['code'] === 'number' ? { code: record['code'] } : {}),
    ...(typeof record['message'] === 'string' ? { message: record['message'] } : {}),
    details: fieldErrors(record['errors']),
  };
}

/** Turns a Discord error body into a plain message, the JSON error code, and its kind. */
export function describeDiscordError(body: unknown, status: number): Described {
  const { code, message, details } = readDiscordError(body);
  if (code === undefined && message === undefined) return undefined;
  const vendorCode = code === undefined ? undefined : String(code);
  if (code !== undefined && AUTH_CODES.has(code)) {
    return {
      kind: 'auth',
      code: vendorCode,
      message: 'The webhook was deleted or its URL changed. Create a new webhook and reconnect.',
    };
  }
  const plain = code === undefined ? undefined : PLAIN[code];
  const said = [message, ...details].filter((entry): entry is string => entry !== undefined).join(' ');
  return {
    ...(vendorCode === undefined ? {} : { code: vendorCode }),
    message: plain ?? `Discord said: ${said}`,
    ...(status === 413 ? { kind: 'permanent' as const } : {}),
  };
}

const DEFAULT_WAIT_MS = 5000;

function isGlobal(headers: Headers, body: unknown): boolean {
  if (headers.get('x-ratelimit-global')?.toLowerCase() === 'true' || headers.get('x-ratelimit-scope') === 'global')
    return true;
  return body !== null && typeof body === 'object' && (body as Record<string, unknown>)['global'] === true;
}

function waitMs(headers: Headers, body: unknown): number {
  const fromBody =
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['retry_after'] : undefined;
  if (typeof fromBody === 'number' && fromBody >= 0) return Math.ceil(fromBody * 1000);
  const resetAfter = Number(headers.get('x-ratelimit-reset-after') ?? Number.NaN);
  if (Number.isFinite(resetAfter) && resetAfter >= 0) return Math.ceil(resetAfter * 1000);
  return parseRetryAfter(headers.get('retry-after')) ?? DEFAULT_WAIT_MS;
}

/** Reads a non-2xx answer and returns the typed error it means. */
export async function discordFailure(response: Response, what: string): Promise<AnyProviderError> {
  const text = await readTextPrefix(response, 4096);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Cloudflare's HTML error pages are not JSON; keep the text
  }
  if (response.status === 429)
    return new RateLimited(waitMs(response.headers, body), isGlobal(response.headers, body) ? 'app' : 'account');
  return failureFromResponse(new Response(text, { status: response.status, headers: response.headers }), {
    describe: describeDiscordError,
    what,
  });
}
