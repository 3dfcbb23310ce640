/**
 * `HttpClient.exchange`: a request whose answer is read whole into memory (JSON APIs, the networks'
 * publish calls). It sends through undici's `request` on the guarded pool (exchange-hop.ts), a good
 * deal cheaper per call than `fetch` (docs/benchmarks.md, publishing), with the same retry policy,
 * Retry-After handling, SSRF guard, redirect policy, time budget and redacted log lines as `request`.
 * Bodies other than text, bytes, form fields or FormData (streams, blobs) go through `request` and
 * are buffered after it.
 */
import { sleep } from './abort-utils.ts';
import { nonNegativeInteger, positive } from './client-settings.ts';
import type { ClientSettings } from './client-settings.ts';
import { HttpError, HttpNetworkError, SsrfBlockedError } from './errors.ts';
import { exchangeAttempt, headerValue, type PlainRequest, type RawAnswer, type RawHeaders } from './exchange-hop.ts';
import { redactUrl } from './redact.ts';
import { parseRetryAfter } from './retry-after.ts';
import {
  backoffDelayMs,
  honoursRetryAfter,
  isIdempotentMethod,
  isRetryableError,
  isRetryableStatus,
} from './retry-policy.ts';
import type { HttpRequestInit } from './types.ts';

/** Default cap on a buffered body: larger answers are cut there and flagged `truncated`. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** An answer read whole: status, headers and body text. */
export interface BufferedResponse {
  readonly status: number;
  readonly ok: boolean;
  /** Where the answer came from, after redirects. */
  readonly url: string;
  /** The body, decoded as UTF-8 (its first `maxBodyBytes` bytes when `truncated`). */
  readonly text: string;
  /** The body was longer than `maxBodyBytes`. */
  readonly truncated: boolean;
  /** Headers as a WHATWG `Headers` (built when first read). */
  readonly headers: Headers;
  /** One header's value, as `Headers.get` gives it, without building `headers`. */
  header(name: string): string | null;
}

export type ExchangeInit = HttpRequestInit & {
  /** Bytes of the body read at most; default 16 MiB. */
  maxBodyBytes?: number;
};

type Fallback = (url: URL, init: HttpRequestInit) => Promise<Response>;

export async function sendExchange(
  url: URL,
  init: ExchangeInit,
  settings: ClientSettings,
  fallback: Fallback,
): Promise<BufferedResponse> {
  const { maxBodyBytes: cap, ...rest } = init;
  const maxBodyBytes = cap === undefined ? DEFAULT_MAX_BODY_BYTES : positive('maxBodyBytes', cap);
  const plain = toPlainRequest(rest, settings.userAgent);
  if (plain === null) return bufferResponse(await fallback(url, rest), maxBodyBytes);
  const canRetry = rest.idempotent ?? isIdempotentMethod(plain.method);
  const maxAttempts = 1 + (canRetry ? nonNegativeInteger('retries', rest.retries ?? settings.retries) : 0);
  const context = {
    guard: settings.guard,
    dispatcher: settings.dispatcher,
    maxRedirects: settings.maxRedirects,
    timeoutMs: rest.timeoutMs === undefined ? settings.timeoutMs : positive('timeoutMs', rest.timeoutMs),
    maxBodyBytes,
    callerSignal: rest.signal ?? undefined,
  };
  const logFields = { method: plain.method, url: redactUrl(url) };
  for (let attempt = 1; ; attempt += 1) {
    const startedAt = performance.now();
    let delayMs: number;
    let reason: string;
    try {
      const answer = await exchangeAttempt(url, plain, context);
      const durationMs = Math.round(performance.now() - startedAt);
      const finalUrl = answer.redirects > 0 ? { finalUrl: redactUrl(answer.finalUrl) } : {};
      settings.logger.debug({ ...logFields, ...finalUrl, status: answer.status, durationMs, attempt }, 'http request');
      const delay = attempt < maxAttempts ? retryDelay(answer, attempt, settings) : undefined;
      if (delay === undefined) return buffered(answer);
      delayMs = delay;
      reason = `status ${answer.status}`;
    } catch (error) {
      const fields = { ...logFields, attempt, durationMs: Math.round(performance.now() - startedAt) };
      if (error instanceof SsrfBlockedError)
        settings.logger.warn({ ...fields, error: describe(error) }, 'http request blocked by SSRF guard');
      else settings.logger.debug({ ...fields, error: describe(error) }, 'http request failed');
      if (attempt >= maxAttempts || !isRetryableError(error)) throw error;
      delayMs = backoffDelayMs(attempt, settings.backoffBaseMs, settings.backoffMaxMs);
      reason = describe(error);
    }
    settings.logger.warn({ ...logFields, attempt, delayMs, reason }, 'http request will be retried');
    await sleep(delayMs, context.callerSignal);
  }
}

/** The request as plain parts, or null when its body needs the fetch path (stream, blob, form data). */
function toPlainRequest(init: HttpRequestInit, userAgent: string): PlainRequest | null {
  const form = init.body instanceof URLSearchParams;
  const body = init.body instanceof URLSearchParams ? init.body.toString() : init.body;
  const plainBody = typeof body === 'string' || body instanceof Uint8Array || body === undefined || body === null;
  if (!plainBody) return null;
  const headers: Record<string, string> = {};
  const source = init.headers;
  if (source instanceof Headers || Array.isArray(source)) {
    for (const [name, value] of source) headers[name.toLowerCase()] = value;
  } else if (source !== undefined) {
    for (const [name, value] of Object.entries(source)) headers[name.toLowerCase()] = value;
  }
  headers['user-agent'] ??= userAgent;
  // The Content-Type fetch would give these bodies when the caller sets none.
  if (form) headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
  else if (typeof body === 'string') headers['content-type'] ??= 'text/plain;charset=UTF-8';
  return {
    method: (init.method ?? 'GET').toUpperCase(),
    headers,
    body: body ?? undefined,
    redirect: init.redirect ?? 'follow',
  };
}

/** How long to wait before retrying this answer, or undefined to return it now. */
function retryDelay(answer: RawAnswer, attempt: number, settings: ClientSettings): number | undefined {
  if (!isRetryableStatus(answer.status)) return undefined;
  const retryAfterMs = honoursRetryAfter(answer.status)
    ? parseRetryAfter(headerValue(answer.headers, 'retry-after'))
    : undefined;
  if (retryAfterMs === undefined) return backoffDelayMs(attempt, settings.backoffBaseMs, settings.backoffMaxMs);
  if (retryAfterMs > settings.maxRetryAfterMs) {
    settings.logger.debug({ status: answer.status, retryAfterMs }, 'http retry-after exceeds cap; not waiting');
    return undefined;
  }
  return retryAfterMs;
}

function buffered(answer: RawAnswer): BufferedResponse {
  return bufferedOf({
    status: answer.status,
    url: answer.finalUrl.href,
    text: answer.body.toString('utf8'),
    truncated: answer.truncated,
    raw: answer.headers,
  });
}

function bufferedOf(parts: { status: number; url: string; text: string; truncated: boolean; raw: RawHeaders }) {
  let built: Headers | undefined;
  const { raw } = parts;
  return {
    status: parts.status,
    ok: parts.status >= 200 && parts.status < 300,
    url: parts.url,
    text: parts.text,
    truncated: parts.truncated,
    header: (name: string) => headerValue(raw, name.toLowerCase()),
    get headers(): Headers {
      built ??= toHeaders(raw);
      return built;
    },
  };
}

function toHeaders(raw: RawHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/** The fetch path's answer read the same way (capped), for bodies only `fetch` can send. */
async function bufferResponse(response: Response, maxBodyBytes: number): Promise<BufferedResponse> {
  const raw: RawHeaders = {};
  for (const [name, value] of response.headers) raw[name] = value;
  const bytes = Buffer.from(await response.arrayBuffer());
  return bufferedOf({
    status: response.status,
    url: response.url,
    text: bytes.subarray(0, maxBodyBytes).toString('utf8'),
    truncated: bytes.length > maxBodyBytes,
    raw,
  });
}

function describe(error: unknown): string {
  if (error instanceof HttpNetworkError) return `${error.code} ${error.systemCode ?? ''}`.trim();
  if (error instanceof HttpError) return error.code;
  return error instanceof Error ? error.name : 'unknown';
}
