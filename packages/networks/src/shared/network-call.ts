/**
 * Turns HTTP outcomes into the typed provider errors, so every adapter maps failures the same way:
 * 401 → AuthExpired, 429 → RateLimited (Retry-After or the adapter's own reset header), 5xx and
 * 408 → Retryable, other 4xx → Permanent with the network's message. Transport failures that
 * certainly happened before the request left (connection refused, DNS, SSRF block) are Retryable;
 * anything else after sending (timeout, reset) is rethrown untouched: its outcome is unknown.
 */
import type { z } from 'zod';
import { HttpNetworkError, SsrfBlockedError } from '@plume/http/errors';
import type { HttpClient } from '@plume/http/http-client';
import { readTextPrefix } from '@plume/http/response-body';
import { parseRetryAfter } from '@plume/http/retry-after';
import type { HttpRequestInit } from '@plume/http/types';
import type { BufferedResponse } from '@plume/http/exchange';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';

/** System errors that mean no byte of the request reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const MAX_BODY_CHARS = 4096;
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

export interface FailureMapping {
  /** Extracts the network's own message and code from an error body. */
  describe?: (
    body: unknown,
    status: number,
  ) => { message?: string; code?: string; kind?: 'auth' | 'rate' | 'retry' | 'permanent' } | undefined;
  /** When a 429 carries no Retry-After: how long to wait, read from vendor headers (e.g. x-rate-limit-reset). */
  rateLimitWaitMs?: (headers: Headers, now: number) => number | undefined;
  /** Whether a 429 throttles the whole app (default: the account). */
  rateLimitScope?: (headers: Headers, body: unknown) => 'account' | 'app';
}

export interface CallOptions<S extends z.ZodType> extends FailureMapping {
  schema: S;
  /** Label used in error messages, e.g. "create tweet". */
  what: string;
}

/**
 * Sends a request and returns the parsed 2xx JSON body, or throws a typed provider error.
 * @example
 * const created = await callJson(ctx.http, `${api}/2/tweets`, { method: 'POST', body }, { schema, what: 'create tweet' });
 */
export async function callJson<S extends z.ZodType>(
  http: HttpClient,
  url: string | URL,
  init: HttpRequestInit,
  options: CallOptions<S>,
): Promise<z.output<S>> {
  if (http.exchange !== undefined)
    return parseAnswer(await exchange(http.exchange.bind(http), url, init), init, options);
  const response = await send(http, url, init);
  if (!response.ok) throw await failureFromResponse(response, options);
  return parseSuccess(await response.text(), response.status, init, options);
}

/** The buffered path's answer (`HttpClient.exchange`): the parsed 2xx body, or the typed error. */
function parseAnswer<S extends z.ZodType>(
  answer: BufferedResponse,
  init: HttpRequestInit,
  options: CallOptions<S>,
): z.output<S> {
  if (!answer.ok)
    throw failureOf(
      { status: answer.status, headers: answer.headers, text: answer.text.slice(0, MAX_BODY_CHARS) },
      options,
    );
  if (answer.truncated) throw malformed(options.what, answer.status, init, new Error('The answer was too large.'));
  return parseSuccess(answer.text, answer.status, init, options);
}

function parseSuccess<S extends z.ZodType>(
  text: string,
  status: number,
  init: HttpRequestInit,
  options: CallOptions<S>,
): z.output<S> {
  let body: unknown = undefined;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw malformed(options.what, status, init, error);
    }
  }
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) throw malformed(options.what, status, init, parsed.error);
  return parsed.data;
}

/** Sends a request whose success body does not matter (DELETE, uploads); throws typed errors otherwise. */
export async function callNoContent(
  http: HttpClient,
  url: string | URL,
  init: HttpRequestInit,
  options: FailureMapping & { what: string; okStatuses?: readonly number[] },
): Promise<Response> {
  const response = await send(http, url, init);
  if (response.ok || options.okStatuses?.includes(response.status)) {
    await response.body?.cancel();
    return response;
  }
  throw await failureFromResponse(response, options);
}

/** `http.request` with transport failures that happened before sending mapped to Retryable. */
export async function send(http: HttpClient, url: string | URL, init: HttpRequestInit): Promise<Response> {
  try {
    return await http.request(url, init);
  } catch (error) {
    throw transportFailure(error);
  }
}

/** `http.exchange` (the buffered, cheaper path) with the same mapping of transport failures. */
async function exchange(
  run: NonNullable<HttpClient['exchange']>,
  url: string | URL,
  init: HttpRequestInit,
): Promise<BufferedResponse> {
  try {
    return await run(url, init);
  } catch (error) {
    throw transportFailure(error);
  }
}

function transportFailure(error: unknown): unknown {
  if (error instanceof HttpNetworkError && error.systemCode !== undefined && NOT_SENT_CODES.has(error.systemCode)) {
    return new Retryable(`Could not reach the network (${error.systemCode}).`, { cause: error });
  }
  if (error instanceof SsrfBlockedError) {
    return new Permanent('The network address is not allowed from this server.', { cause: error });
  }
  return error;
}

/** Reads an error response and returns the typed error it means. */
export async function failureFromResponse(
  response: Response,
  options: FailureMapping & { what: string },
): Promise<AuthExpired | RateLimited | Retryable | Permanent> {
  return failureOf(
    { status: response.status, headers: response.headers, text: await readTextPrefix(response, MAX_BODY_CHARS) },
    options,
  );
}

function failureOf(
  response: { status: number; headers: Headers; text: string },
  options: FailureMapping & { what: string },
): AuthExpired | RateLimited | Retryable | Permanent {
  const { text } = response;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON; keep the text
  }
  const status = response.status;
  const described = options.describe?.(body, status);
  const detail = described?.message ?? genericMessage(body);
  const suffix = detail ? `: ${detail}` : '';
  const kind = described?.kind ?? kindOfStatus(status);
  switch (kind) {
    case 'auth':
      return new AuthExpired(`The network refused the credentials while trying to ${options.what}${suffix}`);
    case 'rate': {
      const now = Date.now();
      const waitMs =
        parseRetryAfter(response.headers.get('retry-after'), now) ??
        options.rateLimitWaitMs?.(response.headers, now) ??
        DEFAULT_RATE_LIMIT_WAIT_MS;
      return new RateLimited(waitMs, options.rateLimitScope?.(response.headers, body) ?? 'account');
    }
    case 'retry':
      return new Retryable(`The network had a temporary problem (${status}) while trying to ${options.what}${suffix}`);
    case 'permanent':
      return new Permanent(`The network refused to ${options.what} (${status})${suffix}`, {
        ...(described?.code === undefined ? {} : { vendorCode: described.code }),
      });
  }
}

function kindOfStatus(status: number): 'auth' | 'rate' | 'retry' | 'permanent' {
  if (status === 401) return 'auth';
  if (status === 429) return 'rate';
  if (status === 408 || status >= 500) return 'retry';
  return 'permanent';
}

/** Pulls a human message out of the common error body shapes. */
function genericMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['error_description', 'message', 'detail', 'error_msg', 'description', 'title']) {
    const value = record[key];
    if (typeof value === 'string' && value.length > 0) return value.slice(0, 300);
  }
  const error = record['error'];
  if (typeof error === 'string') return error.slice(0, 300);
  if (error !== null && typeof error === 'object') return genericMessage(error);
  return undefined;
}

/**
 * A 2xx whose body we cannot read. For a write the network may have acted, so this is not a typed
 * error (the engine marks the target `unconfirmed`); for reads the caller may treat it as Retryable.
 */
export class MalformedResponse extends Error {
  override readonly name = 'MalformedResponse';
  readonly status: number;

  constructor(what: string, status: number, cause: unknown) {
    super(`The network answered ${status} to "${what}" with a body we could not read.`, { cause });
    this.status = status;
  }
}

function malformed(what: string, status: number, init: HttpRequestInit, cause: unknown): Error {
  const method = (init.method ?? 'GET').toUpperCase();
  // A read can be repeated safely; a write may have happened.
  if (method === 'GET' || method === 'HEAD')
    return new Retryable(`The network sent an unreadable answer to "${what}".`, { cause });
  return new MalformedResponse(what, status, cause);
}
