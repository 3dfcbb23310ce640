/**
 * One way to call the TikTok API: bearer auth, JSON bodies, the `{ data, error }` envelope checked
 * (a 2xx with a non-`ok` code is still an error) and ids wider than 2^53 kept as strings.
 */
import { z } from 'zod';
import { HttpError } from '@plume/http/errors';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { isProviderError, Retryable } from '../provider-errors.ts';
import { failureFromResponse, MalformedResponse, send } from '../shared/network-call.ts';
import { describeTikTokError, errorFromEnvelope, tiktokFailureMapping } from './errors.ts';

const envelopeError = z.looseObject({
  code: z.string(),
  message: z.string().optional(),
  log_id: z.string().optional(),
});

export interface TikTokCall<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Schema of `data`. */
  data: S;
  /** Label for messages, e.g. "start the TikTok upload". */
  what: string;
  /** True when the call may create something (an unreadable 2xx then means "outcome unknown"). */
  creates: boolean;
}

/** Base URL of the API (`ctx.endpoints.api`), without a trailing slash. */
export function apiBase(context: NetworkContext): string {
  const base = context.endpoints['api'];
  if (base === undefined) throw new Error('TikTok endpoints need an `api` base URL.');
  return base.replace(/\/+$/, '');
}

/** Calls the API and returns `data`, or throws a typed error. */
export async function tiktokRequest<S extends z.ZodType>(
  context: NetworkContext,
  account: AccountAuth,
  call: TikTokCall<S>,
): Promise<z.output<S>> {
  const url = new URL(`${apiBase(context)}${call.path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = {
    authorization: `Bearer ${account.tokens.accessToken}`,
    accept: 'application/json',
  };
  if (call.body !== undefined) headers['content-type'] = 'application/json; charset=UTF-8';
  const init = {
    method: call.method,
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  };
  const response = await send(context.http, url, init);
  if (!response.ok) throw await failureFromResponse(response, { ...tiktokFailureMapping, what: call.what });
  const text = await response.text();
  const schema = z.looseObject({ data: call.data, error: envelopeError.optional() });
  let json: unknown;
  try {
    json = parseJsonKeepingBigIntegers(text);
  } catch (error) {
    throw unreadable(call, response.status, error);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // A 2xx carrying an error envelope (and no usable data) is an error, not a malformed answer.
    const described = describeTikTokError(safeJson(text));
    if (described?.code !== undefined && described.code !== 'ok') throw errorFromEnvelope(described, call.what);
    throw unreadable(call, response.status, parsed.error);
  }
  const code = parsed.data.error?.code;
  if (code !== undefined && code !== 'ok') {
    const described = describeTikTokError({ error: parsed.data.error });
    if (described !== undefined) throw errorFromEnvelope(described, call.what);
  }
  return parsed.data.data as z.output<S>;
}

function unreadable(call: { what: string; creates: boolean }, status: number, cause: unknown): Error {
  if (call.creates) return new MalformedResponse(call.what, status, cause);
  return new Retryable(`TikTok sent an unreadable answer to "${call.what}".`, { cause });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type Reviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;

/**
 * JSON.parse that keeps integers beyond 2^53 exact by returning their source text (TikTok post ids
 * such as `publicaly_available_post_id` are int64). Uses the reviver's `context.source` (Node ≥ 21).
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  const reviver: Reviver = (_key, value, context) =>
    typeof value === 'number' &&
    !Number.isSafeInteger(value) &&
    Number.isInteger(value) &&
    context?.source !== undefined
      ? context.source
      : value;
  return JSON.parse(text, reviver);
}

/**
 * Runs a step that comes before the post exists (creator info, upload of a chunk that is not the
 * last): a dropped connection or unreadable answer there cannot have published anything, so it is
 * Retryable. Typed errors pass through unchanged.
 */
export async function beforePostExists<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isProviderError(error)) throw error;
    if (error instanceof HttpError || error instanceof MalformedResponse) {
      throw new Retryable(`The connection to TikTok failed while trying to ${what}; nothing was posted.`, {
        cause: error,
      });
    }
    throw error;
  }
}
