/**
 * Request helpers for Google APIs on top of the shared network-call mapping. The one addition: a daily
 * quota error (`quotaExceeded`, sent as 403) waits until Google resets quotas at midnight Pacific time,
 * which no header says, so it is decided here from the body before the shared mapping runs.
 */
import type { z } from 'zod';
import type { HttpClient } from '@plume/http/http-client';
import { readTextPrefix } from '@plume/http/response-body';
import type { HttpRequestInit } from '@plume/http/types';
import { RateLimited, Retryable, type AnyProviderError } from '../provider-errors.ts';
import { MalformedResponse, failureFromResponse, send } from '../shared/network-call.ts';
import {
  DAILY_QUOTA_REASONS,
  describeGoogleError,
  googleRateLimitScope,
  googleReason,
  msUntilPacificMidnight,
  type GoogleVocabulary,
} from './google-errors.ts';

export interface GoogleCallOptions {
  /** Label for messages, e.g. "upload the video". */
  what: string;
  now: Date;
  /** This network's reasons in plain words. */
  vocabulary?: GoogleVocabulary;
}

const MAX_ERROR_CHARS = 4096;
/** Statuses whose Response may not carry a body. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** Reads a Google error response and returns the typed error it means. */
export async function googleFailure(response: Response, options: GoogleCallOptions): Promise<AnyProviderError> {
  const text = await readTextPrefix(response, MAX_ERROR_CHARS);
  const body = parseJsonOr(text, text);
  const reason = googleReason(body);
  if (reason !== undefined && DAILY_QUOTA_REASONS.has(reason)) {
    return new RateLimited(msUntilPacificMidnight(options.now), 'app');
  }
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : text, {
    status: response.status,
    headers: response.headers,
  });
  return failureFromResponse(copy, {
    what: options.what,
    describe: (errorBody) => describeGoogleError(errorBody, options.vocabulary),
    rateLimitScope: (_headers, errorBody) => googleRateLimitScope(errorBody),
  });
}

/** Sends a request and returns the parsed 2xx JSON body, or throws a typed error. */
export async function googleJson<S extends z.ZodType>(
  http: HttpClient,
  url: string | URL,
  init: HttpRequestInit,
  options: GoogleCallOptions & { schema: S },
): Promise<z.output<S>> {
  const response = await send(http, url, init);
  if (!response.ok) throw await googleFailure(response, options);
  return parseGoogleBody(response, init.method ?? 'GET', options);
}

/** Sends a request whose success body does not matter (DELETE); `okStatuses` count as success too. */
export async function googleNoContent(
  http: HttpClient,
  url: string | URL,
  init: HttpRequestInit,
  options: GoogleCallOptions & { okStatuses?: readonly number[] },
): Promise<void> {
  const response = await send(http, url, init);
  if (response.ok || options.okStatuses?.includes(response.status) === true) {
    await response.body?.cancel();
    return;
  }
  throw await googleFailure(response, options);
}

/**
 * Parses a 2xx body with `schema`. A body we cannot read after a write is not a typed error: the write
 * may have happened, so the engine marks the target unconfirmed. A read can simply be repeated.
 */
export async function parseGoogleBody<S extends z.ZodType>(
  response: Response,
  method: string,
  options: { what: string; schema: S },
): Promise<z.output<S>> {
  const text = await response.text();
  const body = text.length === 0 ? undefined : parseJsonOr(text, null);
  const parsed = body === null ? undefined : options.schema.safeParse(body);
  if (parsed?.success === true) return parsed.data;
  const cause = parsed?.error ?? new Error('invalid JSON');
  const upper = method.toUpperCase();
  if (upper === 'GET' || upper === 'HEAD')
    throw new Retryable(`Google sent an unreadable answer to "${options.what}".`, { cause });
  throw new MalformedResponse(options.what, response.status, cause);
}

/** `JSON.parse`, or `otherwise` when the text is not JSON. */
function parseJsonOr(text: string, otherwise: unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return otherwise;
  }
}
